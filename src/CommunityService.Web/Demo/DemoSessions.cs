using CommunityService.Data;
using CommunityService.Data.Participation;
using Microsoft.EntityFrameworkCore;
using static CommunityService.Web.Demo.DemoSeeder;

namespace CommunityService.Web.Demo;

/// <summary>
/// Sessions and sign-ups of 青少年暑期托管 (in Publicity): a course with places left, on which `resident` (张阿姨) has a
/// place, and a parents' meeting that is full with one person waiting — so the waiting list shows. All through the rules.
/// </summary>
internal static class DemoSessions
{
    public static async Task AddAsync(CommunityServiceDbContext db, DateTime now, CancellationToken ct)
    {
        var project = await db.Projects.SingleAsync(p => p.Name == "青少年暑期托管", ct);
        var users = await db.Users.Where(u => u.UserName == "resident" || u.UserName == "liujianguo" || u.UserName == "zhaoxiulan")
            .ToDictionaryAsync(u => u.UserName!, ct);
        var staffId = await db.Users.Where(u => u.UserName == "staff").Select(u => u.Id).SingleAsync(ct);
        var day = now.Date.AddDays(1);

        var course = new ServiceSession(30)
        {
            ProjectId = project.Id, Title = "暑期托管·第一期（三周，工作日全天）", Place = "青石社区活动中心",
            StartsAt = day.AddDays(20).AddHours(0.5), EndsAt = day.AddDays(41).AddHours(9), CreatedAt = now,
        };
        var meeting = new ServiceSession(2)
        {
            ProjectId = project.Id, Title = "家长说明会", Place = "青石社区活动中心二楼会议室",
            StartsAt = day.AddDays(6).AddHours(11), EndsAt = day.AddDays(6).AddHours(12), CreatedAt = now,
        };
        db.Sessions.AddRange(course, meeting);
        await db.SaveChangesAsync(ct);

        var list = new List<SignUp>();
        void Enrol(ServiceSession session, string name, string phone, SignUpChannel channel, string? userName, int minutes)
        {
            var signUp = new SignUp
            {
                ResidentId = userName is null ? null : users[userName].Id, Name = name, Phone = phone, Channel = channel,
                AddedById = channel == SignUpChannel.Online ? null : staffId,
            };
            Ensure(session.Enrol(signUp, list, now.AddDays(-3).AddMinutes(minutes)));
            list.Add(signUp);
            db.SignUps.Add(signUp);
        }
        Enrol(course, "张阿姨（为孙子张小明报名）", "138 0000 1001", SignUpChannel.Online, "resident", 0);
        Enrol(course, "刘建国（为外孙报名）", "139 0000 2002", SignUpChannel.Online, "liujianguo", 5);
        Enrol(course, "孙女士", "137 0000 3003", SignUpChannel.InPerson, null, 20);
        Enrol(course, "周先生", "136 0000 4004", SignUpChannel.Phone, null, 40);
        Enrol(meeting, "赵秀兰", "135 0000 5005", SignUpChannel.Online, "zhaoxiulan", 60);
        Enrol(meeting, "孙女士", "137 0000 3003", SignUpChannel.InPerson, null, 80);
        Enrol(meeting, "钱先生", "133 0000 6006", SignUpChannel.Phone, null, 100);
        await db.SaveChangesAsync(ct);
        Ensure(list[0].Confirm(staffId, now.AddDays(-2)));
        await db.SaveChangesAsync(ct);
    }
}
