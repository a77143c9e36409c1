using CommunityService.Data;
using CommunityService.Data.Participation;
using CommunityService.Web.Shared.Security;
using Microsoft.EntityFrameworkCore;

namespace CommunityService.Web.Demo;

/// <summary>
/// Home-visit requests in every state for the two at-home services, and one open request of `resident`
/// (张阿姨) so the resident's own page has something to follow. The needs go through <see cref="HomeVisitNeedProtector"/>,
/// so the demo database holds only their ciphertext, like a real one.
/// </summary>
public static class DemoHomeVisits
{
    public static async Task AddAsync(CommunityServiceDbContext db, HomeVisitNeedProtector needs, DateTime now, CancellationToken ct)
    {
        var rehab = await db.Projects.Where(p => p.Name == "残疾人康复上门服务").Select(p => p.Id).SingleAsync(ct);
        var repairs = await db.Projects.Where(p => p.Name == "物业维修便民服务").Select(p => p.Id).SingleAsync(ct);
        var staff = await db.Users.Where(u => u.UserName == "staff").Select(u => u.Id).SingleAsync(ct);
        var resident = await db.Users.Where(u => u.UserName == "resident").Select(u => u.Id).SingleAsync(ct);
        var today = DateOnly.FromDateTime(now);
        // 01:30 UTC is 9:30 in the morning in the center's time zone (Asia/Shanghai).
        var morning = now.Date.AddHours(1.5);

        HomeVisitRequest Request(int projectId, string? residentId, string name, string phone, string address, string need, TimeOfDay time, int daysAgo) => new()
        {
            ProjectId = projectId, ResidentId = residentId, Name = name, Phone = phone, Address = address, ProtectedNeed = needs.Protect(need),
            PreferredFrom = today.AddDays(1), PreferredTo = today.AddDays(10), PreferredTime = time,
            CreatedById = residentId ?? staff, CreatedAt = now.AddDays(-daysAgo), UpdatedAt = now.AddDays(-daysAgo),
        };

        var mine = Request(repairs, resident, "张阿姨", "138 0013 8000", "阳光社区 5 号楼 1 单元 302 室",
            "厨房水龙头一直滴水，关不紧，想请师傅上门换一个。", TimeOfDay.Morning, 1);
        var submitted = Request(rehab, null, "刘奶奶", "139 1024 5678", "和平社区 3 号楼 2 单元 501 室",
            "老伴中风后右腿无力，想请康复师上门教在家做康复训练。（家属电话代为申请）", TimeOfDay.Afternoon, 2);
        var accepted = Request(rehab, null, "赵叔叔", "010-6000 5678", "和平社区 8 号楼 102 室",
            "刚配了轮椅，需要有人上门指导上下床和轮椅之间的转移。", TimeOfDay.Any, 5);
        DemoSeeder.Ensure(accepted.Accept(now.AddDays(-4)));
        var scheduled = Request(rehab, null, "孙师傅", "137 2048 1122", "和平社区 11 号楼 3 单元 201 室",
            "腰椎手术后三个月，想请康复师评估恢复情况并调整训练方法。", TimeOfDay.Morning, 8);
        DemoSeeder.Ensure(scheduled.Accept(now.AddDays(-7)));
        DemoSeeder.Ensure(scheduled.Schedule(morning.AddDays(3), staff, now.AddDays(-6)));
        var declined = Request(rehab, null, "周大妈", "135 6677 8899", "幸福路 120 号（和平社区外）",
            "想请人上门做按摩理疗。", TimeOfDay.Evening, 12);
        DemoSeeder.Ensure(declined.Decline("按摩理疗不在本项目的康复指导范围内，已介绍到社区卫生服务站的中医理疗门诊。", now.AddDays(-11)));
        var repair = Request(repairs, null, "王大爷", "136 1234 0099", "阳光社区 2 号楼 4 单元 601 室",
            "卫生间灯不亮，换了灯泡也不行，可能是开关坏了。", TimeOfDay.Afternoon, 3);
        DemoSeeder.Ensure(repair.Schedule(morning.AddDays(1).AddHours(5), staff, now.AddDays(-2)));

        db.HomeVisitRequests.AddRange(mine, submitted, accepted, scheduled, declined, repair);
        await db.SaveChangesAsync(ct);
    }
}
