using CommunityService.Data;
using CommunityService.Data.Participation;
using CommunityService.Data.Projects;
using CommunityService.Data.Volunteers;
using Microsoft.EntityFrameworkCore;

namespace CommunityService.Web.Features.Volunteers;

/// <summary>
/// Changes to a session's volunteer places. Like the sign-up lists (SignUps/SessionLists), each change reads the session
/// and its shifts, applies the rule and saves with the session's concurrency token, so two volunteers taking the last
/// place at once cannot both get it: the second save fails and is retried against the new count, and is refused.
/// </summary>
public sealed class ShiftDesk(CommunityServiceDbContext db, DateTime now)
{
    private const int Attempts = 20;

    public static readonly GateCheck NotFound = GateCheck.Fail("not found");

    public async Task<(GateCheck Check, Shift? Shift)> TakeAsync(int sessionId, string volunteerId, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            var session = await db.Sessions.Include(s => s.Project).FirstOrDefaultAsync(s => s.Id == sessionId, ct);
            if (session is null)
            {
                return (NotFound, null);
            }
            var onSession = await db.Shifts.Where(s => s.SessionId == sessionId && s.Status != ShiftStatus.Cancelled).ToListAsync(ct);
            var check = Shift.Take(session, session.Project!.Stage, onSession, volunteerId, now, out var shift);
            if (!check.IsPassed)
            {
                return (check, null);
            }
            db.Shifts.Add(shift!);
            Touch(session);
            if (await TrySaveAsync(attempt, ct))
            {
                return (check, shift);
            }
        }
    }

    public async Task<(GateCheck Check, Shift? Shift)> PutOnDutyAsync(int sessionId, string staffId, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            var session = await db.Sessions.FirstOrDefaultAsync(s => s.Id == sessionId, ct);
            if (session is null)
            {
                return (NotFound, null);
            }
            var onSession = await db.Shifts.Where(s => s.SessionId == sessionId && s.UserId == staffId).ToListAsync(ct);
            var check = Shift.PutOnDuty(session, onSession, staffId, now, out var shift);
            if (!check.IsPassed)
            {
                return (check, null);
            }
            db.Shifts.Add(shift!);
            Touch(session);
            if (await TrySaveAsync(attempt, ct))
            {
                return (check, shift);
            }
        }
    }

    /// <summary>Sets how many volunteers a session needs. Fewer than have taken a place leaves them all in place (nobody is dropped).</summary>
    public async Task<ServiceSession?> SetVolunteersNeededAsync(int sessionId, int needed, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            var session = await db.Sessions.FirstOrDefaultAsync(s => s.Id == sessionId, ct);
            if (session is null)
            {
                return null;
            }
            session.VolunteersNeeded = needed;
            Touch(session);
            if (await TrySaveAsync(attempt, ct))
            {
                return session;
            }
        }
    }

    /// <summary>Every change to the places bumps the session's version, even one that only adds a shift.</summary>
    private void Touch(ServiceSession session) => db.Entry(session).Property(s => s.Version).IsModified = true;

    private async Task<bool> TrySaveAsync(int attempt, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException) when (attempt < Attempts)
        {
            return false;
        }
    }
}
