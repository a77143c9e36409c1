using CommunityService.Data;
using CommunityService.Data.Cases;
using CommunityService.Web.Features.Cases;
using Microsoft.EntityFrameworkCore;

namespace CommunityService.Web.Demo;

/// <summary>
/// Two case files under 残疾人康复上门服务 (和平社区), both assigned to `staff` (李社工), each with two contact notes. Their
/// text goes through <see cref="CaseProtector"/>, so the demo database holds only ciphertext, like a real one.
/// </summary>
public static class DemoCases
{
    public static async Task AddAsync(CommunityServiceDbContext db, CaseProtector protector, DateTime now, CancellationToken ct)
    {
        var rehab = await db.Projects.Where(p => p.Name == "残疾人康复上门服务").Select(p => p.Id).SingleAsync(ct);
        var staff = await db.Users.Where(u => u.UserName == "staff").Select(u => u.Id).SingleAsync(ct);

        CaseFile File(string reference, bool family, CaseText text, int daysAgo, params (int DaysAgo, string Text)[] notes)
        {
            var opened = now.AddDays(-daysAgo);
            var file = new CaseFile
            {
                ProjectId = rehab, Reference = reference, IsFamily = family, OpenedAt = opened,
                Workers = [new CaseAssignment { UserId = staff, AssignedAt = opened }],
                Notes = notes.Select(n => new CaseNote { AuthorId = staff, At = now.AddDays(-n.DaysAgo), ProtectedText = protector.Protect(n.Text) }).ToList(),
            };
            protector.Write(file, text);
            return file;
        }

        db.CaseFiles.AddRange(
            File("2025-07", family: false, new CaseText(
                "孙建华（男，52 岁），和平社区 11 号楼 3 单元 201 室，电话 137 2048 1122",
                "腰椎手术后三个月，右腿仍无力，独自上下楼困难。妻子白天上班，白天基本一人在家，情绪低落，担心不能再工作。",
                "三个月内能独立上下楼；每周自主完成三次居家训练；重新联系原单位，了解返岗可能。",
                "康复师每两周上门一次，调整训练方法；社工每月电话随访一次，关注情绪；协助联系区残联申请辅具补贴。",
                ""), 40,
                (38, "首次上门：评估行走与下肢力量，教了三个床上训练动作。本人愿意配合，但担心费用。已说明本服务免费。"),
                (10, "电话随访：训练坚持每周三次，能扶栏杆下楼。提到晚上睡不好，建议下次上门时一起谈谈。")),
            File("2025-09", family: true, new CaseText(
                "刘家（刘奶奶与老伴），和平社区 3 号楼 2 单元 501 室，家属电话 139 1024 5678",
                "老伴中风后右侧偏瘫，刘奶奶 74 岁独自照顾，体力不支；子女在外地，每月回来一次。家中卫生间无扶手，有跌倒风险。",
                "老伴能在辅助下完成床椅转移；刘奶奶每周有半天喘息时间；卫生间完成适老化改造。",
                "康复师教家属安全转移方法；申请居家适老化改造；联系志愿者每周二下午上门陪伴，让刘奶奶外出休息。",
                ""), 20,
                (19, "家访：与刘奶奶和女儿（视频）一起商定计划。刘奶奶说最怕自己也病倒。已登记适老化改造申请。"),
                (3, "改造方已上门测量卫生间。志愿者陈志愿开始每周二下午陪伴，刘奶奶去社区活动中心参加了合唱。")));
        await db.SaveChangesAsync(ct);
    }
}
