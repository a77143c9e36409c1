using CommunityService.Data;
using CommunityService.Data.Identity;
using CommunityService.Data.Participation;
using CommunityService.Data.Volunteers;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using static CommunityService.Web.Demo.DemoSeeder;

namespace CommunityService.Web.Demo;

/// <summary>
/// Volunteers with hours. `volunteer` (陈志愿) has a profile; two more volunteers (王军 of 和平社区, 李晓雨 of 青石社区) share the
/// work. 社区夜间巡逻志愿队 (in Execution) has four past patrols with confirmed, corrected, logged and not-yet-logged shifts and
/// two coming patrols with places left; the summer course of 青少年暑期托管 needs four volunteers. 陈志愿's confirmed hours:
/// 120 + 90 (corrected from 120) = 210 minutes, 3.5 hours; 王军 240 minutes; 李晓雨 60 minutes. All through the shift rules.
/// </summary>
internal static class DemoVolunteers
{
    public static async Task AddAsync(CommunityServiceDbContext db, UserManager<ApplicationUser> users, DateTime now, CancellationToken ct)
    {
        var communities = await db.Communities.ToDictionaryAsync(c => c.Name, c => c.Id, ct);
        var chen = await db.Users.SingleAsync(u => u.UserName == "volunteer", ct);
        var wang = await CreateUserAsync(users, "wangjun", "王军", communities["和平社区"], now, Roles.Resident, Roles.Volunteer);
        var li = await CreateUserAsync(users, "lixiaoyu", "李晓雨", communities["青石社区"], now, Roles.Resident, Roles.Volunteer);
        var staffId = await db.Users.Where(u => u.UserName == "staff").Select(u => u.Id).SingleAsync(ct);

        db.VolunteerProfiles.AddRange(
            new VolunteerProfile { UserId = chen.Id, Skills = "红十字会急救证；会弹电子琴，能带小朋友做手工", Availability = "工作日晚上，周末全天", UpdatedAt = now.AddDays(-40) },
            new VolunteerProfile { UserId = wang.Id, Skills = "退伍军人，熟悉和平社区各小区", Availability = "每晚 19:00 以后", UpdatedAt = now.AddDays(-60) },
            new VolunteerProfile { UserId = li.Id, Skills = "师范大学在读，可辅导小学作业", Availability = "暑假期间工作日白天", UpdatedAt = now.AddDays(-20) });

        var patrol = await db.Projects.SingleAsync(p => p.Name == "社区夜间巡逻志愿队", ct);
        // 19:30–21:30 in Beijing time is 11:30–13:30 UTC.
        ServiceSession Patrol(int day, string title) => new(10)
        {
            ProjectId = patrol.Id, Project = patrol, Title = title, Place = "和平社区居委会门口集合", VolunteersNeeded = 3,
            StartsAt = now.Date.AddDays(day).AddHours(11.5), EndsAt = now.Date.AddDays(day).AddHours(13.5), CreatedAt = now.AddDays(-30),
        };
        var past = new[] { Patrol(-21, "夜间巡逻·第一周"), Patrol(-14, "夜间巡逻·第二周"), Patrol(-7, "夜间巡逻·第三周"), Patrol(-2, "夜间巡逻·第四周") };
        var coming = new[] { Patrol(2, "夜间巡逻·第五周"), Patrol(9, "夜间巡逻·第六周") };
        db.Sessions.AddRange(past);
        db.Sessions.AddRange(coming);
        var summer = await db.Sessions.Include(s => s.Project).SingleAsync(s => s.Project!.Name == "青少年暑期托管" && s.Title.StartsWith("暑期托管·第一期"), ct);
        summer.VolunteersNeeded = 4;
        await db.SaveChangesAsync(ct);

        var shifts = new List<Shift>();
        Shift Take(ServiceSession session, ApplicationUser volunteer)
        {
            // Taken a week before the session, or yesterday for one further off.
            var at = session.StartsAt.AddDays(-7) < now ? session.StartsAt.AddDays(-7) : now.AddDays(-1);
            Ensure(Shift.Take(session, session.Project!.Stage, shifts, volunteer.Id, at, out var shift));
            shifts.Add(shift!);
            return shift!;
        }
        void Log(Shift shift, ServiceSession session, int minutes) => Ensure(shift.Log(minutes, session.StartsAt, session.EndsAt.AddHours(1)));
        void Confirm(Shift shift, ServiceSession session, int? minutes = null, string note = "") =>
            Ensure(shift.Confirm(minutes, note, staffId, session.StartsAt, session.EndsAt.AddDays(1)));

        var (week1, week2, week3, week4) = (past[0], past[1], past[2], past[3]);
        var chen1 = Take(week1, chen);
        Log(chen1, week1, 120);
        Confirm(chen1, week1);
        var chen2 = Take(week2, chen);
        Log(chen2, week2, 120);
        Confirm(chen2, week2, 90, "21:00 提前离开，按实际时长确认。");
        var chen3 = Take(week3, chen);
        Log(chen3, week3, 120);
        Take(week4, chen);

        var wang1 = Take(week1, wang);
        Log(wang1, week1, 120);
        Confirm(wang1, week1);
        var wang2 = Take(week2, wang);
        Log(wang2, week2, 120);
        Confirm(wang2, week2);
        var wang3 = Take(week3, wang);
        Log(wang3, week3, 120);
        Take(coming[0], wang);

        var li2 = Take(week2, li);
        Log(li2, week2, 60);
        Confirm(li2, week2);
        Take(summer, li);

        Ensure(Shift.PutOnDuty(week1, shifts, staffId, week1.StartsAt.AddDays(-3), out var onDuty));
        shifts.Add(onDuty!);
        db.Shifts.AddRange(shifts);
        await db.SaveChangesAsync(ct);
    }
}
