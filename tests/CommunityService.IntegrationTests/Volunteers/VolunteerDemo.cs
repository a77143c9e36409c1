using CommunityService.Data.Volunteers;
using CommunityService.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CommunityService.IntegrationTests.Volunteers;

/// <summary>
/// The demo's volunteering (Features/Demo/DemoVolunteers): 社区夜间巡逻志愿队 (和平社区) has patrols in weeks 1–4 (past) and
/// 5–6 (coming), three places each. 陈志愿 (`volunteer`, 阳光社区): week 1 confirmed 120 min, week 2 confirmed 90 (logged 120),
/// week 3 logged 120, week 4 taken. 王军 (和平社区): weeks 1 and 2 confirmed 120 each, week 3 logged 120, week 5 taken.
/// 李晓雨 (青石社区): week 2 confirmed 60, and a place on the summer course of 青少年暑期托管 (four needed). `staff` is on duty in week 1.
/// </summary>
internal sealed record VolunteerDemo(
    int Patrol, int Summer, int[] Weeks, int SummerCourse, string Chen, string Wang, string Li, string Staff, string Resident,
    Dictionary<(string User, int Session), int> Shifts)
{
    public int ShiftOf(string user, int week) => Shifts[(user, Weeks[week - 1])];

    public static Task<VolunteerDemo> LoadAsync(PortalFactory portal) => portal.WithDbAsync(async db =>
    {
        var users = await db.Users.Where(u => new[] { "volunteer", "wangjun", "lixiaoyu", "staff", "resident" }.Contains(u.UserName))
            .ToDictionaryAsync(u => u.UserName!, u => u.Id);
        var patrol = await db.Projects.Where(p => p.Name == "社区夜间巡逻志愿队").Select(p => p.Id).SingleAsync();
        var weeks = await db.Sessions.Where(s => s.ProjectId == patrol && s.Title.StartsWith("夜间巡逻")).OrderBy(s => s.StartsAt).Select(s => s.Id).ToListAsync();
        var summer = await db.Sessions.Where(s => s.Title.StartsWith("暑期托管")).Select(s => new { s.Id, s.ProjectId }).SingleAsync();
        var shifts = await db.Shifts.Where(s => s.Status != ShiftStatus.Cancelled).Select(s => new { s.UserId, s.SessionId, s.Id }).ToListAsync();
        return new VolunteerDemo(patrol, summer.ProjectId, [.. weeks], summer.Id, users["volunteer"], users["wangjun"], users["lixiaoyu"], users["staff"],
            users["resident"], shifts.ToDictionary(s => (s.UserId, s.SessionId), s => s.Id));
    });
}
