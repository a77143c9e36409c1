using CommunityService.Data;
using CommunityService.Data.Participation;
using CommunityService.Data.Projects;
using CommunityService.Web.Shared.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace CommunityService.Web.Features.SignUps;

public sealed record ListChange(GateCheck Check, SignUp? SignUp = null, SignUp? Promoted = null, int WaitingPosition = 0)
{
    public static readonly ListChange NotFound = new(GateCheck.Fail("not found"));

    public bool Found => !ReferenceEquals(this, NotFound);
}

/// <summary>
/// Changes to a session's list. Each change reads the session, applies the rule, and saves with the session's
/// concurrency token, so two residents taking the last place at the same moment cannot both get it: the second
/// save fails and is retried against the new count (and lands on the waiting list). Works the same on SQLite and
/// SQL Server. Within one instance the changes to a session also queue (SessionQueue), so the retry is only
/// needed between instances; on SQLite every save also queues (WriteGate).
/// </summary>
public sealed class SessionLists(CommunityServiceDbContext db, TimeProvider clock, IOutputCacheStore cache, SessionQueue queue)
{
    private const int Attempts = 20;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<ListChange> EnrolAsync(int sessionId, Func<SignUp> make, CancellationToken ct)
    {
        using var turn = await queue.EnterAsync(sessionId, ct);
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            var session = await db.Sessions.FirstOrDefaultAsync(s => s.Id == sessionId, ct);
            if (session is null)
            {
                return ListChange.NotFound;
            }
            var signUp = make();
            var same = signUp.ResidentId is { } resident
                ? await db.SignUps.Where(s => s.SessionId == sessionId && s.ResidentId == resident && s.Status != SignUpStatus.Cancelled).ToListAsync(ct)
                : [];
            var check = session.Enrol(signUp, same, Now);
            if (!check.IsPassed)
            {
                return new ListChange(check);
            }
            db.SignUps.Add(signUp);
            Touch(session);
            if (await TrySaveAsync(attempt, ct))
            {
                await PublicCache.EvictProjectAsync(cache, session.ProjectId, ct);
                var position = signUp.Status == SignUpStatus.Waiting ? await WaitingPositionAsync(signUp, ct) : 0;
                return new ListChange(check, signUp, WaitingPosition: position);
            }
        }
    }

    /// <summary>Someone who came without signing up: on the list and checked in, even when the session is full.</summary>
    public async Task<ListChange> AddWalkInAsync(int sessionId, Func<SignUp> make, string staffId, CancellationToken ct)
    {
        using var turn = await queue.EnterAsync(sessionId, ct);
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            var session = await db.Sessions.FirstOrDefaultAsync(s => s.Id == sessionId, ct);
            if (session is null)
            {
                return ListChange.NotFound;
            }
            var signUp = make();
            var check = session.AddWalkIn(signUp, staffId, Now);
            if (!check.IsPassed)
            {
                return new ListChange(check);
            }
            db.SignUps.Add(signUp);
            Touch(session);
            if (await TrySaveAsync(attempt, ct))
            {
                await PublicCache.EvictProjectAsync(cache, session.ProjectId, ct);
                return new ListChange(check, signUp);
            }
        }
    }

    /// <summary>Cancels a sign-up; a freed place goes to the first on the waiting list.</summary>
    public async Task<ListChange> CancelAsync(int signUpId, CancellationToken ct)
    {
        var sessionId = await db.SignUps.Where(s => s.Id == signUpId).Select(s => (int?)s.SessionId).FirstOrDefaultAsync(ct);
        if (sessionId is null)
        {
            return ListChange.NotFound;
        }
        using var turn = await queue.EnterAsync(sessionId.Value, ct);
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            var signUp = await db.SignUps.Include(s => s.Session).FirstOrDefaultAsync(s => s.Id == signUpId, ct);
            if (signUp is null)
            {
                return ListChange.NotFound;
            }
            var session = signUp.Session!;
            var first = await Waiting(session.Id).Take(1).ToListAsync(ct);
            var check = session.Cancel(signUp, first, Now, out var promoted);
            if (!check.IsPassed)
            {
                return new ListChange(check, signUp);
            }
            Touch(session);
            if (await TrySaveAsync(attempt, ct))
            {
                await PublicCache.EvictProjectAsync(cache, session.ProjectId, ct);
                return new ListChange(check, signUp, promoted);
            }
        }
    }

    /// <summary>Sets the number of places; more places promote the waiting list in order.</summary>
    /// <summary>
    /// Sets the number of places. <paramref name="shown"/> is the number the person saw on their page: if someone else changed
    /// it since, nothing changes and the check fails with the conflict message.
    /// </summary>
    public async Task<ListChange> ChangeCapacityAsync(int sessionId, int capacity, int? shown, CancellationToken ct)
    {
        using var turn = await queue.EnterAsync(sessionId, ct);
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            var session = await db.Sessions.FirstOrDefaultAsync(s => s.Id == sessionId, ct);
            if (session is null)
            {
                return ListChange.NotFound;
            }
            if (shown is { } seen && seen != session.Capacity)
            {
                return new ListChange(GateCheck.Fail(FormExtensions.ConflictMessage));
            }
            var freed = Math.Max(0, capacity - session.PlacesTaken);
            var waiting = await Waiting(sessionId).Take(freed).ToListAsync(ct);
            session.ChangeCapacity(capacity, waiting, Now);
            Touch(session);
            if (await TrySaveAsync(attempt, ct))
            {
                await PublicCache.EvictProjectAsync(cache, session.ProjectId, ct);
                return new ListChange(GateCheck.Passed);
            }
        }
    }

    private IQueryable<SignUp> Waiting(int sessionId) =>
        db.SignUps.Where(s => s.SessionId == sessionId && s.Status == SignUpStatus.Waiting).OrderBy(s => s.CreatedAt).ThenBy(s => s.Id);

    private Task<int> WaitingPositionAsync(SignUp signUp, CancellationToken ct) =>
        db.SignUps.CountAsync(s => s.SessionId == signUp.SessionId && s.Status == SignUpStatus.Waiting
            && (s.CreatedAt < signUp.CreatedAt || (s.CreatedAt == signUp.CreatedAt && s.Id <= signUp.Id)), ct);

    /// <summary>Every change to a list bumps the session's version, even one that leaves the count alone.</summary>
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
