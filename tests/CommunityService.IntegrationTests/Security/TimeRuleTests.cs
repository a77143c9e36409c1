using System.Net;
using CommunityService.Data.Participation;
using CommunityService.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CommunityService.IntegrationTests.Security;

/// <summary>
/// Time and state rules on the server (issue #19, class 3): what a page hides at a moment is refused at that moment. Walks the
/// list-changing routes of the role matrix (cancel, capacity, check-in, walk-in) against a session that has started, one
/// that is tomorrow, and one whose day is over.
/// </summary>
public class TimeRuleTests(PortalFactory portal) : PortalTest(portal)
{
    private static readonly string[] ListRoutes =
        ["/signups/{id:int}/cancel", "/sessions/{id:int}/capacity", "/signups/{id:int}/check-in", "/sessions/{id:int}/walk-ins"];

    [Fact]
    public void The_routes_walked_here_are_the_routes_of_the_matrix()
    {
        Assert.All(ListRoutes, r => Assert.Contains(RoleMatrix.Rows, row => row.Method == "POST" && row.Route == r));
    }

    [Fact]
    public async Task Once_a_session_has_started_nobody_cancels_and_nobody_moves_up_from_the_waiting_list()
    {
        var (session, holder, waiting) = await SessionAsync(TimeSpan.FromMinutes(-30));
        var resident = await Portal.ClientForAsync("resident");
        var staff = await Portal.ClientForAsync("staff");

        var own = await resident.PostFormAsync("/me", $"/signups/{holder}/cancel", []);
        var forSomeone = await staff.PostFormAsync($"/sessions/{session}", $"/signups/{holder}/cancel", []);
        var morePlaces = await staff.PostFormAsync($"/sessions/{session}", $"/sessions/{session}/capacity", new() { ["Capacity"] = "50" });

        Assert.Equal(HttpStatusCode.BadRequest, own.StatusCode);
        Assert.Contains("活动已开始，报名不能再取消。", await own.BodyAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, forSomeone.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, morePlaces.StatusCode);
        var list = await Portal.WithDbAsync(db => db.SignUps.Where(s => s.Id == holder || s.Id == waiting).ToDictionaryAsync(s => s.Id, s => s.Status));
        Assert.Equal(SignUpStatus.Registered, list[holder]);
        Assert.Equal(SignUpStatus.Waiting, list[waiting]);
    }

    [Fact]
    public async Task Someone_checked_in_cannot_be_cancelled_before_the_start_either()
    {
        var (session, holder, _) = await SessionAsync(TimeSpan.FromMinutes(2));
        var staff = await Portal.ClientForAsync("staff");
        Assert.Equal(HttpStatusCode.Redirect, (await staff.PostFormAsync($"/sessions/{session}/check-in", $"/signups/{holder}/check-in", new() { ["here"] = "true" })).StatusCode);

        var cancel = await staff.PostFormAsync($"/sessions/{session}", $"/signups/{holder}/cancel", []);

        Assert.Equal(HttpStatusCode.BadRequest, cancel.StatusCode);
        Assert.Equal(SignUpStatus.Registered, await Portal.WithDbAsync(db => db.SignUps.Where(s => s.Id == holder).Select(s => s.Status).SingleAsync()));
    }

    [Fact]
    public async Task Nobody_is_checked_in_to_tomorrows_session()
    {
        var (session, holder, _) = await SessionAsync(TimeSpan.FromDays(1));
        var staff = await Portal.ClientForAsync("staff");

        var page = await staff.GetStringAsync($"/sessions/{session}/check-in");
        var tap = await staff.PostFormAsync($"/sessions/{session}/check-in", $"/signups/{holder}/check-in", new() { ["here"] = "true" });
        var walkIn = await staff.PostFormAsync($"/sessions/{session}/check-in", $"/sessions/{session}/walk-ins", new() { ["Name"] = "路过的周阿姨", ["Phone"] = "" });

        Assert.Contains("签到在活动当天开放。", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, tap.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, walkIn.StatusCode);
        Assert.Null(await Portal.WithDbAsync(db => db.SignUps.Where(s => s.Id == holder).Select(s => s.CheckedInAt).SingleAsync()));
        Assert.False(await Portal.WithDbAsync(db => db.SignUps.AnyAsync(s => s.SessionId == session && s.Name == "路过的周阿姨")));
    }

    [Fact]
    public async Task After_the_sessions_day_a_check_in_needs_a_reason_and_keeps_it()
    {
        var (session, holder, _) = await SessionAsync(TimeSpan.FromDays(-3));
        var staff = await Portal.ClientForAsync("staff");

        var bare = await staff.PostFormAsync($"/sessions/{session}/check-in", $"/signups/{holder}/check-in", new() { ["here"] = "true" });
        var withReason = await staff.PostFormAsync($"/sessions/{session}/check-in?reason=%E7%BA%B8%E8%B4%A8%E7%AD%BE%E5%88%B0%E8%A1%A8",
            $"/signups/{holder}/check-in", new() { ["here"] = "true", ["reason"] = "纸质签到表" });

        Assert.Equal(HttpStatusCode.BadRequest, bare.StatusCode);
        Assert.Contains("活动当天已过", await bare.BodyAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, withReason.StatusCode);
        var row = await Portal.WithDbAsync(db => db.SignUps.Where(s => s.Id == holder).Select(s => new { s.CheckedInAt, s.CheckInNote }).SingleAsync());
        Assert.NotNull(row.CheckedInAt);
        Assert.Equal("纸质签到表", row.CheckInNote);
        Assert.Contains("补签：纸质签到表", await staff.GetStringAsync($"/sessions/{session}/check-in"), StringComparison.Ordinal);
    }

    /// <summary>
    /// Session 1 of 青少年暑期托管 moved to start at now + <paramref name="from"/>, full, with the demo resident holding a place and
    /// someone waiting. Returns (session, the resident's sign-up, the waiting sign-up).
    /// </summary>
    private Task<(int Session, int Holder, int Waiting)> SessionAsync(TimeSpan from) => Portal.WithDbAsync(async db =>
    {
        var resident = await db.Users.Where(u => u.UserName == "resident").Select(u => u.Id).SingleAsync();
        var session = await db.Sessions.SingleAsync(s => s.Id == 1);
        session.StartsAt = DateTime.UtcNow.Add(from);
        session.EndsAt = session.StartsAt.AddHours(1);
        session.IsCancelled = false;
        var active = await db.SignUps.Where(s => s.SessionId == 1 && s.Status != SignUpStatus.Cancelled).ToListAsync();
        db.SignUps.RemoveRange(active.Where(s => s.ResidentId == resident));
        var holder = new SignUp
        {
            SessionId = 1, ProjectId = session.ProjectId, ResidentId = resident, Name = "张阿姨", Phone = "13800000001", Status = SignUpStatus.Registered,
            Channel = SignUpChannel.Online, CreatedAt = DateTime.UtcNow.AddDays(-5),
        };
        var waiting = new SignUp
        {
            SessionId = 1, ProjectId = session.ProjectId, Name = "候补的李大爷", Phone = "13800000002", Status = SignUpStatus.Waiting,
            Channel = SignUpChannel.Phone, CreatedAt = DateTime.UtcNow.AddDays(-4),
        };
        db.SignUps.AddRange(holder, waiting);
        var taken = active.Count(s => s.Status == SignUpStatus.Registered && s.ResidentId != resident) + 1;
        db.Entry(session).Property(s => s.PlacesTaken).CurrentValue = taken;
        db.Entry(session).Property(s => s.Capacity).CurrentValue = taken;
        await db.SaveChangesAsync();
        return (1, holder.Id, waiting.Id);
    });
}
