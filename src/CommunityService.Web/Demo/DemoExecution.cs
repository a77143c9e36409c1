using CommunityService.Data;
using CommunityService.Data.Execution;
using Microsoft.EntityFrameworkCore;

namespace CommunityService.Web.Demo;

/// <summary>Day-to-day work of the projects in execution: tasks for 李社工 (`staff`), one overdue and one done.</summary>
internal static class DemoExecution
{
    public static async Task AddAsync(CommunityServiceDbContext db, DateTime now, DateOnly today, CancellationToken ct)
    {
        var projects = await db.Projects.Where(p => p.Name == "残疾人康复上门服务" || p.Name == "社区夜间巡逻志愿队").ToDictionaryAsync(p => p.Name, p => p.Id, ct);
        var staff = await db.Users.Where(u => u.UserName == "staff").Select(u => u.Id).SingleAsync(ct);
        var manager = await db.Users.Where(u => u.UserName == "manager").Select(u => u.Id).SingleAsync(ct);
        ProjectTask Task(string project, string title, int dueInDays, WorkStatus status, string responsible) => new()
        {
            ProjectId = projects[project], Title = title, DueOn = today.AddDays(dueInDays), Status = status, ResponsibleId = responsible,
            DoneAt = status == WorkStatus.Done ? now.AddDays(-1) : null, CreatedById = manager, CreatedAt = now.AddDays(-20),
        };
        db.Tasks.AddRange(
            Task("残疾人康复上门服务", "联系康复师，排定下月上门计划", 5, WorkStatus.InProgress, staff),
            Task("残疾人康复上门服务", "整理上月服务记录并反馈给家属", -3, WorkStatus.Open, staff),
            Task("残疾人康复上门服务", "采购康复训练器材", -10, WorkStatus.Done, staff),
            Task("社区夜间巡逻志愿队", "补充巡逻手电和反光背心", 10, WorkStatus.Open, staff),
            Task("社区夜间巡逻志愿队", "汇总本月巡逻发现的隐患", 2, WorkStatus.Open, manager));
        await db.SaveChangesAsync(ct);
    }
}
