using CommunityService.Data;
using CommunityService.Data.Catalog;
using CommunityService.Data.Communities;
using CommunityService.Data.Decisions;
using CommunityService.Data.Execution;
using CommunityService.Data.Identity;
using CommunityService.Data.Money;
using CommunityService.Data.Needs;
using CommunityService.Data.Participation;
using CommunityService.Data.Plans;
using CommunityService.Data.Projects;
using CommunityService.Data.Publicity;
using CommunityService.Data.Volunteers;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using static CommunityService.Web.Demo.DemoSeeder;

namespace CommunityService.Web.Demo;

/// <summary>
/// 长者日间照料 (青石社区, in Execution for four months): a morning session every weekday since the plan began, with sign-ups,
/// check-ins and a service record for everyone who came (about 2,000), two volunteers with confirmed hours, spending against
/// the budget lines, fee income (¥10 a day), and residents' ratings. Its plan measures five objectives, one of which (volunteer
/// hours) is behind, so the "on track?" panel has something to say. Everything goes through the rules, from a fixed seed.
/// </summary>
internal static class DemoDayCare
{
    public const string Name = "长者日间照料";

    private static readonly string[] Regulars =
    [
        "王秀英", "李桂兰", "张玉珍", "刘淑珍", "陈凤英", "杨桂英", "赵玉兰", "黄秀珍", "周桂芝", "吴玉梅",
        "徐建国", "孙德明", "胡志强", "朱国华", "高文明", "林永福", "何建华", "郭长青", "马玉山", "罗振华",
        "梁淑英", "宋桂香", "郑秀兰", "谢玉英", "韩凤兰", "唐桂珍", "冯秀芳", "于淑兰", "董玉华", "萧宝山",
        "程志诚", "曹金凤",
    ];

    private static readonly string[] Comments =
    [
        "", "", "", "午饭可口，老伙伴们聊得开心。", "健康操很好，腿脚灵活多了。", "工作人员很耐心。", "希望下午也能开放。",
        "今天的手工课很有意思。", "量血压很方便，谢谢医生。", "活动室有点冷，希望开空调。", "",
    ];

    public static async Task AddAsync(CommunityServiceDbContext db, UserManager<ApplicationUser> users, DateTime now, CancellationToken ct)
    {
        var random = new Random(20260601);
        var community = await db.Communities.SingleAsync(c => c.Name == "青石社区", ct);
        var type = await db.ServiceTypes.SingleAsync(t => t.Name == "社区养老", ct);
        var staffId = await db.Users.Where(u => u.UserName == "staff").Select(u => u.Id).SingleAsync(ct);
        var managerId = await db.Users.Where(u => u.UserName == "manager").Select(u => u.Id).SingleAsync(ct);

        // The first twenty regulars use the portal (some through their children's phones); the others come in person.
        var accounts = new Dictionary<string, string>();
        for (var i = 0; i < 20; i++)
        {
            accounts[Regulars[i]] = (await CreateUserAsync(users, $"elder{i + 1:00}", Regulars[i], community.Id, now.AddDays(-150), Roles.Resident)).Id;
        }
        var sunli = (await CreateUserAsync(users, "sunli", "孙丽", community.Id, now.AddDays(-130), Roles.Resident, Roles.Volunteer)).Id;
        var zhoumin = (await CreateUserAsync(users, "zhoumin", "周敏", community.Id, now.AddDays(-130), Roles.Resident, Roles.Volunteer)).Id;

        var project = new ServiceProject
        {
            Name = Name, Summary = "工作日上午为辖区老人提供健康操、文娱活动、健康监测和午餐，让家属安心上班。",
            Category = type.Category, ServiceTypeId = type.Id, CommunityId = community.Id, CreatedById = staffId,
            CreatedAt = now.AddDays(-160), UpdatedAt = now.AddDays(-1), ExpectedBeneficiaries = 40,
            ResourcesToUse = "青石社区活动中心和老年活动室；社区卫生服务站医生每周两次；青年志愿者", RoughBudget = 60_000m,
            TargetGroups = [new ProjectTargetGroup { Group = TargetGroup.Elderly }],
        };
        project.Needs.Add(new NeedFinding
        {
            CommunityId = community.Id, Text = "入户走访发现 40 余位老人白天独自在家，子女上班后无人照看、午饭凑合。",
            CreatedById = staffId, CreatedAt = now.AddDays(-165), Status = NeedStatus.Addressed, Priority = NeedPriority.High,
            ResidentsConcerned = 45, TargetGroups = [new NeedTargetGroup { Group = TargetGroup.Elderly }],
        });
        Ensure(project.AdvanceTo(ProjectStage.Decision, staffId, "调查完成，提出项目建议。", now.AddDays(-157)));
        Ensure(project.Decide(DecisionOutcome.Approve, "需求集中、场地现成，同意立项。", managerId, now.AddDays(-152)));
        var plan = new ServicePlan
        {
            Purpose = "让白天独自在家的老人有人陪伴、有热饭吃、身体状况有人留意。",
            StartDate = DateOnly.FromDateTime(now.AddDays(-120)), EndDate = DateOnly.FromDateTime(now.AddDays(60)),
            SessionPattern = "每个工作日 9:00–11:00，之后在长者食堂午餐", Place = "青石社区活动中心",
            FeeTier = FeeTier.LowCost, FeeAmount = 10m, FeeJustification = "只收午餐成本费，低保老人凭证明免费。",
            DeliveryMode = DeliveryMode.AtFacility, Capacity = 30,
            Objectives =
            [
                new PlanObjective { Indicator = "服务老年人", TargetValue = 40, Unit = "人", MeasuredBy = MeasuredBy.PeopleServed },
                new PlanObjective { Indicator = "服务人次", TargetValue = 3_000, Unit = "人次", MeasuredBy = MeasuredBy.ServiceRecords },
                new PlanObjective { Indicator = "开展日间照料活动", TargetValue = 125, Unit = "场", MeasuredBy = MeasuredBy.SessionsHeld },
                new PlanObjective { Indicator = "志愿服务时长", TargetValue = 400, Unit = "小时", MeasuredBy = MeasuredBy.VolunteerHours },
                new PlanObjective { Indicator = "参与老人满意率", TargetValue = 90, Unit = "%", MeasuredBy = MeasuredBy.SatisfactionSurvey },
            ],
            Tasks =
            [
                new PlanTask { Order = 1, Text = "入户登记老人身体状况和紧急联系人" },
                new PlanTask { Order = 2, Text = "落实活动室、食堂和卫生站医生排班" },
                new PlanTask { Order = 3, Text = "招募并培训助老志愿者" },
                new PlanTask { Order = 4, Text = "每日签到、活动和午餐，做好服务记录" },
                new PlanTask { Order = 5, Text = "每月满意度回访，期末评估" },
            ],
            Beneficiaries = [new PlanBeneficiary { Group = TargetGroup.Elderly, ExpectedNumber = 40 }],
            BudgetLines =
            [
                new PlanBudgetLine { Item = "午餐与茶点", Amount = 36_000m, Source = FundingSource.StateFunding },
                new PlanBudgetLine { Item = "活动物资", Amount = 8_000m, Source = FundingSource.CommunityServiceFund },
                new PlanBudgetLine { Item = "志愿者交通与餐费补贴", Amount = 6_000m, Source = FundingSource.Donation },
                new PlanBudgetLine { Item = "午餐补充采购", Amount = 10_000m, Source = FundingSource.PaidServiceIncome },
            ],
            Venues = [new PlanVenue { Name = "青石社区活动中心", Owner = VenueOwner.Center }],
            StaffRoles = [new PlanStaffRole { Role = "社工", Count = 1 }, new PlanStaffRole { Role = "助老志愿者", Count = 2, IsVolunteer = true }],
            Materials = "签到表、血压计、健康操音乐、手工材料", UsesGroupWork = true, UsesCommunityWork = true,
            MethodsDescription = "以小组活动为主，社工每日带领，卫生站医生每周两次健康监测。",
        };
        project.Plans.Add(plan);
        Ensure(plan.Submit(now.AddDays(-140), FeeRules.Suggest(project.Category, [TargetGroup.Elderly])));
        Ensure(plan.Approve(managerId, "计划可行，同意实施。", now.AddDays(-137)));
        var notice = new Notice
        {
            Title = "长者日间照料开始报名啦", Body = "工作日上午，青石社区活动中心见！\n\n- 健康操、手工、合唱\n- 每周二、周四医生量血压\n- 午餐 10 元，低保老人免费",
            Audience = "辖区 60 岁以上老人", Schedule = plan.SessionPattern, Place = plan.Place, Fee = "低偿，每天 10 元（含午餐）",
            HowToJoin = "在本网站报名，或到社区服务中心现场登记", Contact = "社区服务中心 010-6000 1234",
            CreatedAt = now.AddDays(-136), UpdatedAt = now.AddDays(-136),
        };
        notice.Publish(now.AddDays(-135));
        project.Notices.Add(notice);
        Ensure(project.AdvanceTo(ProjectStage.Publicity, staffId, "服务通知已发布。", now.AddDays(-135)));
        Ensure(project.AdvanceTo(ProjectStage.Execution, staffId, "报名完成，开始实施。", now.AddDays(-121)));
        db.Projects.Add(project);
        await db.SaveChangesAsync(ct);

        // 9:00–11:00 in Beijing time is 01:00–03:00 UTC. Every weekday from the plan's start, and the next two weeks.
        var days = Enumerable.Range(-120, 134).Select(d => now.Date.AddDays(d))
            .Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && d != now.Date).ToList();
        var sessions = days.Select(d => new ServiceSession(30)
        {
            ProjectId = project.Id, Project = project, Title = $"日间照料 · {d:M月d日}", Place = plan.Place, VolunteersNeeded = 2,
            StartsAt = d.AddHours(1), EndsAt = d.AddHours(3), CreatedAt = now.AddDays(-125),
        }).ToList();
        db.Sessions.AddRange(sessions);
        await db.SaveChangesAsync(ct);

        var shifts = new List<Shift>();
        var records = new List<ServiceRecord>();
        foreach (var session in sessions)
        {
            var past = session.StartsAt < now;
            var list = new List<SignUp>();
            // Past days: 21–27 regulars came. Coming days: 15–20 have signed up so far.
            var count = past ? random.Next(21, 28) : random.Next(15, 21);
            foreach (var name in Regulars.OrderBy(_ => random.Next()).Take(count))
            {
                var signUp = new SignUp
                {
                    ResidentId = accounts.GetValueOrDefault(name), Name = name, Phone = $"139 0000 {Array.IndexOf(Regulars, name):0000}",
                    Channel = accounts.ContainsKey(name) ? SignUpChannel.Online : SignUpChannel.InPerson,
                    AddedById = accounts.ContainsKey(name) ? null : staffId,
                };
                Ensure(session.Enrol(signUp, list, session.StartsAt.AddDays(-3)));
                list.Add(signUp);
                if (past)
                {
                    signUp.CheckedInAt = session.StartsAt.AddMinutes(random.Next(-20, 10));
                    signUp.CheckedInById = staffId;
                    records.Add(new ServiceRecord
                    {
                        ProjectId = project.Id, SessionId = session.Id, ResidentId = signUp.ResidentId, RecipientName = name,
                        DeliveredAt = session.StartsAt, DeliveryMode = DeliveryMode.AtFacility, DurationMinutes = 120, Place = plan.Place,
                        DeliveredById = staffId, Description = "健康操、文娱活动和午餐", RecordedById = staffId, CreatedAt = session.EndsAt,
                    });
                }
            }
            db.SignUps.AddRange(list);
            // Volunteers: 孙丽 most mornings, 周敏 two days a week; each confirmed after the session.
            foreach (var (volunteer, share) in new[] { (sunli, 0.5), (zhoumin, 0.25) })
            {
                if (random.NextDouble() >= share)
                {
                    continue;
                }
                var takenAt = session.StartsAt.AddDays(-5) < now ? session.StartsAt.AddDays(-5) : now.AddDays(-1);
                Ensure(Shift.Take(session, project.Stage, shifts, volunteer, takenAt, out var shift));
                shifts.Add(shift!);
                if (past)
                {
                    Ensure(shift!.Log(120, session.StartsAt, session.EndsAt.AddHours(2)));
                    Ensure(shift.Confirm(null, "", staffId, session.StartsAt, session.EndsAt.AddDays(1)));
                }
            }
        }
        db.Shifts.AddRange(shifts);
        db.ServiceRecords.AddRange(records);
        await db.SaveChangesAsync(ct);

        // Ratings: residents with an account rate about one service in five, mostly well.
        var feedback = records.Where(r => r.ResidentId is not null && random.NextDouble() < 0.2)
            .Select(r => new ServiceFeedback
            {
                ProjectId = project.Id, ServiceRecordId = r.Id, SessionId = r.SessionId, ResidentId = r.ResidentId!,
                Rating = random.NextDouble() switch { < 0.58 => 5, < 0.93 => 4, < 0.98 => 3, _ => 2 },
                Comment = Comments[random.Next(Comments.Length)], CreatedAt = r.DeliveredAt.AddHours(6),
            });
        db.Feedback.AddRange(feedback);

        // Money: monthly purchases against the lines, and the month's lunch fees.
        var months = Enumerable.Range(0, 4).Select(m => now.AddDays(-115 + m * 30)).ToList();
        var receipt = 1;
        foreach (var month in months)
        {
            var spentOn = DateOnly.FromDateTime(month);
            db.Expenses.AddRange(
                Expense("午餐与茶点", 7_200m + random.Next(0, 8) * 100, FundingSource.StateFunding, spentOn, "长者食堂当月配餐结算"),
                Expense("活动物资", 600m + random.Next(0, 6) * 50, FundingSource.CommunityServiceFund, spentOn.AddDays(3), "手工材料、健康操音响电池"),
                Expense("志愿者交通与餐费补贴", 900m, FundingSource.Donation, spentOn.AddDays(5), "孙丽、周敏当月补贴"));
            // The month's lunch fees, taken on its last day (or yesterday, for the month still running).
            var until = month.AddDays(29) < now ? month.AddDays(29) : now.AddDays(-1);
            var attendances = records.Count(r => r.DeliveredAt >= month && r.DeliveredAt < until);
            db.FeeIncome.Add(new FeeIncome
            {
                ProjectId = project.Id, Amount = attendances * 10m, ReceivedOn = DateOnly.FromDateTime(until), Payer = "参加日间照料的老人（当月午餐费）",
                ReceiptNumber = $"SF{spentOn:yyyyMM}", RecordedById = staffId, CreatedAt = until,
            });
        }
        db.Tasks.AddRange(
            new ProjectTask
            {
                ProjectId = project.Id, Title = "联系卫生站调整下月量血压排班", ResponsibleId = staffId, DueOn = DateOnly.FromDateTime(now.AddDays(4)),
                CreatedById = managerId, CreatedAt = now.AddDays(-6),
            },
            new ProjectTask
            {
                ProjectId = project.Id, Title = "再招募两名助老志愿者", ResponsibleId = managerId, DueOn = DateOnly.FromDateTime(now.AddDays(-5)),
                Note = "志愿服务时长落后于计划。", CreatedById = managerId, CreatedAt = now.AddDays(-20),
            });
        await db.SaveChangesAsync(ct);
        await AdjustAsync(db, project, staffId, managerId, now, ct);

        Expense Expense(string item, decimal amount, FundingSource source, DateOnly on, string description) => new()
        {
            ProjectId = project.Id, BudgetItem = item, Amount = amount, Source = source, SpentOn = on,
            ReceiptNumber = $"RC{on:yyyyMM}-{receipt++:000}", Description = description, RecordedById = staffId,
            CreatedAt = on.ToDateTime(TimeOnly.MinValue).AddHours(2),
        };
    }

    /// <summary>
    /// 调整: a schedule change recorded without approval; a budget change approved (plan version 2, winter heating); and a change
    /// of the volunteer-hours target waiting for the manager (version 3), so /reviews has an adjustment in it.
    /// </summary>
    private static async Task AdjustAsync(CommunityServiceDbContext db, ServiceProject project, string staffId, string managerId, DateTime now, CancellationToken ct)
    {
        var holiday = new PlanAdjustment
        {
            ChangesSchedule = true, WhatChanged = "国庆假期（10 月 1 日至 7 日）暂停活动，之后两个周六各补开一次。",
            Why = "长者食堂员工放假，无法供应午餐。",
        };
        Ensure(holiday.Start(project, staffId, now.AddDays(-60)));
        db.Adjustments.Add(holiday);

        var heating = new PlanAdjustment
        {
            ChangesBudget = true, WhatChanged = "增加“冬季取暖与防滑用品”预算 3,000 元（社区服务基金）。",
            Why = "活动室冬季温度偏低，老人反映怕冷；门口台阶结冰有摔倒风险。",
        };
        Ensure(heating.Start(project, staffId, now.AddDays(-30)));
        heating.ResultingPlan!.BudgetLines.Add(new PlanBudgetLine { Item = "冬季取暖与防滑用品", Amount = 3_000m, Source = FundingSource.CommunityServiceFund });
        db.Adjustments.Add(heating);
        await db.SaveChangesAsync(ct);
        var fee = FeeRules.Suggest(project.Category, [TargetGroup.Elderly]);
        Ensure(heating.Submit(project.Plans.Single(p => p.VersionNumber == 1), heating.ResultingPlan!, now.AddDays(-29), fee));
        Ensure(heating.Approve(heating.ResultingPlan!, managerId, "同意，注意保留采购票据。", now.AddDays(-27)));
        await db.SaveChangesAsync(ct);

        var volunteers = new PlanAdjustment
        {
            ChangesObjectives = true, WhatChanged = "志愿服务时长目标由 400 小时调整为 250 小时。",
            Why = "原计划按 4 名助老志愿者测算，实际只招募到 2 名；另外两名正在招募中。",
        };
        Ensure(volunteers.Start(project, staffId, now.AddDays(-3)));
        volunteers.ResultingPlan!.Objectives.Single(o => o.MeasuredBy == MeasuredBy.VolunteerHours).TargetValue = 250;
        db.Adjustments.Add(volunteers);
        await db.SaveChangesAsync(ct);
        Ensure(volunteers.Submit(project.Plans.Single(p => p.VersionNumber == 2), volunteers.ResultingPlan!, now.AddDays(-2), fee));
        await db.SaveChangesAsync(ct);
    }
}
