using CommunityService.Data;
using CommunityService.Data.Catalog;
using CommunityService.Data.Communities;
using CommunityService.Data.Decisions;
using CommunityService.Data.Evaluations;
using CommunityService.Data.Execution;
using CommunityService.Data.Identity;
using CommunityService.Data.Needs;
using CommunityService.Data.Plans;
using CommunityService.Data.Projects;
using CommunityService.Data.Publicity;
using CommunityService.Web.Features.Cases;
using CommunityService.Web.Shared.Mvc;
using CommunityService.Web.Shared.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CommunityService.Web.Demo;

/// <summary>
/// Demo data for a first run: one street office, three communities, the service types of DOMAIN.md,
/// the five demo accounts and a dozen projects walked through the real stage gates.
/// </summary>
public sealed class DemoSeeder(
    CommunityServiceDbContext db, UserManager<ApplicationUser> users, TimeProvider clock, CaseProtector cases, ResidentFactsProtector facts,
    HomeVisitNeedProtector needs, PortalTime time, ILogger<DemoSeeder> logger)
{
    public const string DemoPassword = "Demo@12345";

    public static readonly IReadOnlyList<(ServiceCategory Category, string Name)> ServiceTypes =
    [
        (ServiceCategory.Welfare, "社区救助"), (ServiceCategory.Welfare, "社区助残"), (ServiceCategory.Welfare, "社区养老"),
        (ServiceCategory.PublicBenefit, "就业"), (ServiceCategory.PublicBenefit, "卫生"), (ServiceCategory.PublicBenefit, "公共安全"),
        (ServiceCategory.PublicBenefit, "青少年"), (ServiceCategory.PublicBenefit, "文化教育与体育"), (ServiceCategory.PublicBenefit, "志愿服务"),
        (ServiceCategory.Commercial, "社区商业"), (ServiceCategory.Commercial, "物业管理"), (ServiceCategory.Commercial, "家政服务"),
    ];

    private sealed record DemoProject(
        string Name, string Type, string Community, TargetGroup[] Groups, ProjectStage Stage, string Summary, string Need,
        string Purpose, string Indicator, decimal Target, string Unit, string Place, string Pattern,
        FeeTier Fee, decimal FeeAmount, DeliveryMode Mode, int Capacity, PlanStatus? StopPlanAt = null);

    private static readonly Dictionary<TargetGroup, string> DemoGroupNames = new()
    {
        [TargetGroup.Elderly] = "老年人", [TargetGroup.Disabled] = "残疾人", [TargetGroup.LowIncome] = "低收入家庭",
        [TargetGroup.Children] = "儿童", [TargetGroup.Youth] = "青少年", [TargetGroup.InDifficulty] = "生活困难的居民",
        [TargetGroup.AllResidents] = "全体居民",
    };

    private static readonly DemoProject[] Projects =
    [
        new("老年人助餐服务", "社区养老", "阳光社区", [TargetGroup.Elderly], ProjectStage.Closed,
            "为辖区 70 岁以上老人提供午餐，行动不便者送餐上门。", "问卷显示 62% 的独居老人午餐不规律，希望社区提供助餐。",
            "让辖区高龄、独居老人吃上热乎、营养的午餐。", "服务老年人", 200, "人", "阳光社区长者食堂", "每周一至周五 11:00–12:30",
            FeeTier.LowCost, 8m, DeliveryMode.Both, 120),
        new("残疾人康复上门服务", "社区助残", "和平社区", [TargetGroup.Disabled], ProjectStage.Execution,
            "康复师定期上门，为居家残疾人提供康复训练指导。", "访谈中 18 户残疾人家庭提到外出康复困难。",
            "帮助居家残疾人在家中获得专业康复指导。", "上门康复服务", 300, "人次", "居民家中", "每户每两周一次",
            FeeTier.Free, 0m, DeliveryMode.AtHome, 40),
        new("青少年暑期托管", "青少年", "青石社区", [TargetGroup.Children, TargetGroup.Youth], ProjectStage.Publicity,
            "暑假期间为双职工家庭的孩子提供看护、作业辅导和兴趣活动。", "42 位家长反映暑假孩子无人照看。",
            "让双职工家庭的孩子暑假有安全、有益的去处。", "托管儿童", 60, "人", "青石社区活动中心", "7 月 10 日至 8 月 20 日，每个工作日 8:30–17:00",
            FeeTier.LowCost, 300m, DeliveryMode.AtFacility, 60),
        new("家政服务培训", "家政服务", "阳光社区", [TargetGroup.AllResidents], ProjectStage.Plan,
            "面向有就业意愿的居民开展家政技能培训，并对接家政服务需求。", "居民希望有可信赖的家政服务，也有居民希望从事家政工作。",
            "培养本社区家政服务人员，方便居民就近找到可靠的家政服务。", "完成培训并取得证书", 50, "人", "阳光社区培训教室", "每周六 9:00–11:30，共 8 周",
            FeeTier.Paid, 200m, DeliveryMode.AtFacility, 30, PlanStatus.Returned),
        new("困难家庭临时救助", "社区救助", "和平社区", [TargetGroup.LowIncome], ProjectStage.Decision,
            "为遭遇突发困难的家庭提供临时生活救助和政策咨询。", "走访发现 9 户家庭因病致贫，急需临时帮扶。",
            "", "", 0, "", "", "", FeeTier.Free, 0m, DeliveryMode.Both, 0),
        new("社区就业指导", "就业", "青石社区", [TargetGroup.AllResidents, TargetGroup.LowIncome], ProjectStage.Survey,
            "为失业和待业居民提供职业指导、岗位信息和技能培训推荐。", "",
            "", "", 0, "", "", "", FeeTier.Free, 0m, DeliveryMode.AtFacility, 0),
        new("慢性病健康讲座", "卫生", "阳光社区", [TargetGroup.Elderly], ProjectStage.Evaluation,
            "邀请社区卫生服务中心医生讲解高血压、糖尿病的日常管理。", "体检数据显示辖区老人高血压患病率较高。",
            "提高老年居民的慢性病自我管理能力。", "参加讲座", 150, "人次", "阳光社区会议室", "每月第二个周三 14:30",
            FeeTier.Free, 0m, DeliveryMode.AtFacility, 80),
        new("社区夜间巡逻志愿队", "公共安全", "和平社区", [TargetGroup.AllResidents], ProjectStage.Execution,
            "组织志愿者夜间巡逻，排查安全隐患。", "居民反映夜间小区照明差、偶有盗窃。",
            "提升小区夜间安全感。", "巡逻", 120, "次", "和平社区各小区", "每晚 19:30–21:30",
            FeeTier.Free, 0m, DeliveryMode.AtFacility, 30),
        new("老年大学书法班", "文化教育与体育", "青石社区", [TargetGroup.Elderly], ProjectStage.Closed,
            "开设书法兴趣班，丰富老年人精神文化生活。", "老年人希望社区开设书法、绘画等兴趣班。",
            "丰富老年人的精神文化生活。", "结业学员", 40, "人", "青石社区老年活动室", "每周二、周四 9:00–10:30",
            FeeTier.LowCost, 50m, DeliveryMode.AtFacility, 40),
        new("物业维修便民服务", "物业管理", "阳光社区", [TargetGroup.AllResidents], ProjectStage.Publicity,
            "水电小修、家电清洗等便民维修服务，按价目表收费。", "老旧小区居民希望有可靠、价格透明的维修服务。",
            "为居民提供及时、透明的小修服务。", "完成维修", 500, "单", "阳光社区物业服务站", "每天 8:00–18:00 接单",
            FeeTier.Paid, 30m, DeliveryMode.AtHome, 500),
        new("社区便民菜店", "社区商业", "青石社区", [TargetGroup.AllResidents], ProjectStage.Rejected,
            "在社区开设平价菜店。", "部分居民反映附近买菜不便。",
            "", "", 0, "", "", "", FeeTier.Paid, 0m, DeliveryMode.AtFacility, 0),
        new("独居老人关爱探访", "社区养老", "青石社区", [TargetGroup.Elderly, TargetGroup.InDifficulty], ProjectStage.Plan,
            "社工和志愿者定期探访独居老人，提供陪伴、安全检查和心理疏导。", "调查发现 35 位独居老人每周与人交流不足一次。",
            "让独居老人有人常来看看，遇到困难有人帮。", "探访独居老人", 35, "人", "老人家中", "每位老人每周探访一次",
            FeeTier.Free, 0m, DeliveryMode.AtHome, 35, PlanStatus.Submitted),
    ];

    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.StreetOffices.AnyAsync(ct))
        {
            return;
        }
        logger.LogInformation("Seeding demo data.");
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var now = clock.GetUtcNow().UtcDateTime;

        var office = new StreetOffice { Name = "幸福街道办事处", Address = "幸福路 88 号", Phone = "010-6000 1234", OpeningHours = "周一至周五 8:30–17:30" };
        var communities = new[] { "阳光社区", "和平社区", "青石社区" }
            .Select(n => new Community { Name = n, StreetOffice = office, Description = $"{n}居民委员会" }).ToList();
        db.StreetOffices.Add(office);
        db.Communities.AddRange(communities);
        var types = ServiceTypes.Select(t => new ServiceType { Category = t.Category, Name = t.Name }).ToList();
        db.ServiceTypes.AddRange(types);
        await db.SaveChangesAsync(ct);

        await CreateUserAsync("admin", "系统管理员", null, now, Roles.Admin);
        var manager = await CreateUserAsync("manager", "王主任", null, now, Roles.Manager);
        // The demo staff member works for the whole street office; a community's own staff see only its records.
        var staff = await CreateUserAsync("staff", "李社工", null, now, Roles.Staff);
        await CreateUserAsync("resident", "张阿姨", communities[0].Id, now, Roles.Resident);
        await CreateUserAsync("volunteer", "陈志愿", communities[0].Id, now, Roles.Resident, Roles.Volunteer);
        await SeedProfilesAsync(communities, staff.Id, now, ct);

        await DemoSurveys.AddAsync(db, communities, types, staff.Id, now, ct);

        var day = 0;
        foreach (var demo in Projects)
        {
            var start = now.AddDays(-200 + day * 12);
            day++;
            var community = communities.Single(c => c.Name == demo.Community);
            var type = types.Single(t => t.Name == demo.Type);
            var project = new ServiceProject
            {
                Name = demo.Name, Summary = demo.Summary, Category = type.Category, ServiceTypeId = type.Id,
                CommunityId = community.Id, CreatedById = staff.Id, CreatedAt = start, UpdatedAt = start,
                TargetGroups = demo.Groups.Select(g => new ProjectTargetGroup { Group = g }).ToList(),
            };
            db.Projects.Add(project);
            Walk(project, demo, community.Id, staff.Id, manager.Id, start);
            await db.SaveChangesAsync(ct);
        }

        await SeedDecisionParticipationAsync(now, ct);
        await DemoSessions.AddAsync(db, now, ct);
        await DemoHomeVisits.AddAsync(db, needs, now, ct);
        await DemoExecution.AddAsync(db, now, DateOnly.FromDateTime(time.Local(now)), ct);
        await DemoResidents.AddAsync(db, facts, now, ct);
        await DemoCases.AddAsync(db, cases, now, ct);
        await DemoVolunteers.AddAsync(db, users, now, ct);
        var dayCare = System.Diagnostics.Stopwatch.GetTimestamp();
        await DemoDayCare.AddAsync(db, users, now, ct);
        await DemoEvaluations.AddAsync(db, now, ct);
        await DemoPrivacy.AddAsync(db, users, now, ct);
        logger.LogInformation("Demo data seeded in {Total:0} ms ({DayCare:0} ms for the day care and the evaluations).",
            System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds, System.Diagnostics.Stopwatch.GetElapsedTime(dayCare).TotalMilliseconds);
    }

    /// <summary>
    /// 居民代表 and their opinions: `resident` represents 阳光社区, one representative each for 和平社区 and 青石社区;
    /// a second proposal waits in 阳光社区 so `resident` has one to answer; every project past Survey states its proposal.
    /// </summary>
    private async Task SeedDecisionParticipationAsync(DateTime now, CancellationToken ct)
    {
        var communities = await db.Communities.ToDictionaryAsync(c => c.Name, c => c.Id, ct);
        var resident = await db.Users.SingleAsync(u => u.UserName == "resident", ct);
        var staffId = await db.Users.Where(u => u.UserName == "staff").Select(u => u.Id).SingleAsync(ct);
        resident.IsRepresentative = true;
        var heping = await CreateUserAsync("liujianguo", "刘建国", communities["和平社区"], now, Roles.Resident);
        var qingshi = await CreateUserAsync("zhaoxiulan", "赵秀兰", communities["青石社区"], now, Roles.Resident);
        heping.IsRepresentative = true;
        qingshi.IsRepresentative = true;

        var type = await db.ServiceTypes.SingleAsync(t => t.Name == "文化教育与体育", ct);
        var phones = new ServiceProject
        {
            Name = "老年人智能手机课堂", Summary = "每周两次手把手教老年人用智能手机挂号、缴费、视频通话和识别诈骗信息。",
            Category = type.Category, ServiceTypeId = type.Id, CommunityId = communities["阳光社区"], CreatedById = staffId,
            CreatedAt = now.AddDays(-12), UpdatedAt = now.AddDays(-12),
            TargetGroups = [new ProjectTargetGroup { Group = TargetGroup.Elderly }],
        };
        phones.Needs.Add(new NeedFinding
        {
            CommunityId = communities["阳光社区"], Text = "问卷中 48% 的 60 岁以上受访者不会用手机挂号、缴费，希望有人手把手教。",
            CreatedById = staffId, CreatedAt = now.AddDays(-12), Status = NeedStatus.Addressed,
            TargetGroups = [new NeedTargetGroup { Group = TargetGroup.Elderly }], ResidentsConcerned = 260, Priority = NeedPriority.High,
        });
        Ensure(phones.AdvanceTo(ProjectStage.Decision, staffId, "调查完成，提出项目建议。", now.AddDays(-10)));
        db.Projects.Add(phones);

        (int Beneficiaries, string Resources, decimal Budget) Proposal(string name) => name switch
        {
            "老年人助餐服务" => (200, "阳光社区长者食堂；合作餐饮企业配餐；志愿者送餐队", 180_000m),
            "残疾人康复上门服务" => (40, "社区康复室；区康复医院康复师；残联提供的康复器材", 96_000m),
            "青少年暑期托管" => (60, "青石社区活动中心；青石实验小学体育馆；大学生志愿者", 45_000m),
            "家政服务培训" => (30, "阳光社区培训教室；区人社局职业技能培训补贴；家政企业讲师", 36_000m),
            "困难家庭临时救助" => (27, "社区服务基金临时救助款；民政救助政策；驻社区单位捐助", 50_000m),
            "慢性病健康讲座" => (150, "社区卫生服务中心医生；阳光社区会议室；血压计、血糖仪", 8_000m),
            "社区夜间巡逻志愿队" => (9_000, "和平平安志愿队 30 名骨干；派出所社区民警指导；巡逻马甲和手电筒", 15_000m),
            "老年大学书法班" => (40, "青石社区老年活动室；青石书法社志愿教师；笔墨纸砚", 12_000m),
            "物业维修便民服务" => (500, "阳光社区物业服务站；签约维修师傅；价目表公示栏", 20_000m),
            "社区便民菜店" => (3_000, "社区闲置门面房；农产品批发市场供货", 300_000m),
            "独居老人关爱探访" => (35, "社工 2 名；阳光合唱队和青年志愿者；紧急呼叫设备", 28_000m),
            "老年人智能手机课堂" => (120, "社区服务中心活动室；阳光小学信息技术教师志愿者；老年协会组织报名", 6_000m),
            _ => (0, "", 0m),
        };
        await db.SaveChangesAsync(ct);
        foreach (var project in await db.Projects.Where(p => p.Stage != ProjectStage.Survey).ToListAsync(ct))
        {
            (project.ExpectedBeneficiaries, project.ResourcesToUse, project.RoughBudget) = Proposal(project.Name);
        }
        await db.SaveChangesAsync(ct);

        var relief = await db.Projects.Where(p => p.Name == "困难家庭临时救助").Select(p => p.Id).SingleAsync(ct);
        var meeting = now.AddDays(-140).Date.AddHours(19);
        db.Opinions.AddRange(
            new ProjectOpinion
            {
                ProjectId = relief, Source = OpinionSource.Online, GivenById = heping.Id, Stance = OpinionStance.Support, At = now.AddDays(-145),
                Comment = "走访的几户我都认识，确实急需帮扶，建议尽快立项。",
            },
            new ProjectOpinion
            {
                ProjectId = relief, Source = OpinionSource.Meeting, SpeakerName = "孙桂芳", MeetingName = "和平社区居民代表议事会", At = meeting,
                RecordedById = staffId, Stance = OpinionStance.Suggest, Comment = "救助名单要公示，标准要公开，避免邻里有意见。",
            },
            new ProjectOpinion
            {
                ProjectId = relief, Source = OpinionSource.Meeting, SpeakerName = "郑国强", MeetingName = "和平社区居民代表议事会", At = meeting,
                RecordedById = staffId, Stance = OpinionStance.Oppose, Comment = "临时救助民政已有渠道，社区再做容易重复，钱应优先用在助老上。",
            },
            new ProjectOpinion
            {
                ProjectId = phones.Id, Source = OpinionSource.Meeting, SpeakerName = "周老师", MeetingName = "阳光社区居民代表议事会",
                At = now.AddDays(-6).Date.AddHours(15), RecordedById = staffId, Stance = OpinionStance.Support,
                Comment = "很多老人被电信诈骗骗过，学会识别很有必要，我愿意来当志愿者。",
            },
            new ProjectOpinion
            {
                ProjectId = phones.Id, Source = OpinionSource.Meeting, SpeakerName = "吴德明", MeetingName = "阳光社区居民代表议事会",
                At = now.AddDays(-6).Date.AddHours(15), RecordedById = staffId, Stance = OpinionStance.Suggest,
                Comment = "每班人数少一点，最好不超过 15 人，再印一本大字版的操作手册。",
            });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>社区概况: two versions for 阳光社区 (so the page has changes to show), one for each of the others.</summary>
    private async Task SeedProfilesAsync(List<Community> communities, string staffId, DateTime now, CancellationToken ct)
    {
        CommunityProfile Sunshine(int version, DateTime at, int households, int over60, int alone, List<ProfileVenue> venues) => new()
        {
            CommunityId = communities.Single(c => c.Name == "阳光社区").Id, VersionNumber = version, CreatedAt = at, CreatedById = staffId,
            Environment = "以建于 1990 年代的老旧小区为主，楼龄较长、多为 6 层无电梯住宅；小区绿化较少，停车位紧张。",
            History = "原为国营纺织厂职工宿舍区，2003 年成立阳光社区居委会，2015 年完成老旧小区综合整治。",
            Geography = "位于幸福街道东部，东临幸福河，西至阳光路，面积约 0.8 平方公里，距地铁站步行约 10 分钟。",
            Facilities = "社区服务中心（含活动室、长者食堂、会议室）、卫生服务站、物业服务站。",
            Organizations = "社区党委、居委会、业主委员会、老年协会、阳光合唱队。",
            VolunteerBase = "登记志愿者 160 余人，以退休党员和低龄老人为主，常年开展助老和巡逻服务。",
            Households = households, ResidentsUnder18 = 820, Residents18To59 = 3_150, Residents60To79 = over60 - 290, Residents80AndOver = 290,
            ElderlyLivingAlone = alone, PeopleWithDisabilities = 86, LowIncomeHouseholds = 42, ChildrenInNeed = 12,
            Venues = venues,
        };
        db.CommunityProfiles.AddRange(
            Sunshine(1, now.AddDays(-400), 2_080, 1_280, 195, [new ProfileVenue { Name = "社区服务中心活动室", Owner = VenueOwner.Center, Capacity = 60 }]),
            Sunshine(2, now.AddDays(-210), 2_100, 1_350, 210,
            [
                new ProfileVenue { Name = "社区服务中心活动室", Owner = VenueOwner.Center, Capacity = 60 },
                new ProfileVenue { Name = "阳光小学操场", Owner = VenueOwner.StationedUnit, UnitName = "阳光小学", Capacity = 300 },
            ]),
            new CommunityProfile
            {
                CommunityId = communities.Single(c => c.Name == "和平社区").Id, VersionNumber = 1, CreatedAt = now.AddDays(-220), CreatedById = staffId,
                Environment = "商品房小区与回迁安置小区混合，沿街商铺较多，夜间部分楼道照明不足。",
                History = "2008 年由原和平村撤村建居形成，居民中回迁村民约占四成。",
                Geography = "位于幸福街道南部，南邻城市快速路，辖 5 个居民小区，面积约 1.2 平方公里。",
                Facilities = "社区服务站、康复室、图书室、室外健身场地。",
                Organizations = "社区党支部、居委会、残疾人协会、和平平安志愿队。",
                VolunteerBase = "登记志愿者约 90 人，其中夜间巡逻骨干 30 人。",
                Households = 3_400, ResidentsUnder18 = 1_650, Residents18To59 = 6_200, Residents60To79 = 1_380, Residents80AndOver = 240,
                ElderlyLivingAlone = 150, PeopleWithDisabilities = 132, LowIncomeHouseholds = 65, ChildrenInNeed = 20,
                Venues =
                [
                    new ProfileVenue { Name = "社区康复室", Owner = VenueOwner.Center, Capacity = 20 },
                    new ProfileVenue { Name = "和平中学礼堂", Owner = VenueOwner.StationedUnit, UnitName = "和平中学", Capacity = 400 },
                ],
            },
            new CommunityProfile
            {
                CommunityId = communities.Single(c => c.Name == "青石社区").Id, VersionNumber = 1, CreatedAt = now.AddDays(-230), CreatedById = staffId,
                Environment = "以 2010 年后建成的商品房小区为主，年轻双职工家庭多，配套学校和商业较齐全。",
                History = "2012 年随青石新城建设成立社区，居民大多为近十年迁入的新市民。",
                Geography = "位于幸福街道西北部，紧邻青石公园，面积约 1.5 平方公里，有两条公交线路经过。",
                Facilities = "社区活动中心、老年活动室、儿童之家、社区图书角。",
                Organizations = "社区党委、居委会、家长互助会、青石书法社。",
                VolunteerBase = "登记志愿者约 120 人，大学生和在职青年较多，周末活动参与度高。",
                Households = 4_200, ResidentsUnder18 = 2_900, Residents18To59 = 8_100, Residents60To79 = 1_150, Residents80AndOver = 160,
                ElderlyLivingAlone = 35, PeopleWithDisabilities = 58, LowIncomeHouseholds = 18, ChildrenInNeed = 9,
                Venues =
                [
                    new ProfileVenue { Name = "青石社区活动中心", Owner = VenueOwner.Center, Capacity = 150 },
                    new ProfileVenue { Name = "青石实验小学体育馆", Owner = VenueOwner.StationedUnit, UnitName = "青石实验小学", Capacity = 250 },
                ],
            });
        await db.SaveChangesAsync(ct);
    }

    private static void Walk(ServiceProject project, DemoProject demo, int communityId, string staffId, string managerId, DateTime start)
    {
        var at = start;
        DateTime Next(int days) => at = at.AddDays(days);

        if (demo.Need.Length > 0)
        {
            project.Needs.Add(new NeedFinding { CommunityId = communityId, Text = demo.Need, CreatedById = staffId, CreatedAt = at, Status = NeedStatus.Addressed });
        }
        if (demo.Stage == ProjectStage.Survey)
        {
            return;
        }
        Ensure(project.AdvanceTo(ProjectStage.Decision, staffId, "调查完成，提出项目建议。", Next(3)));
        if (demo.Stage == ProjectStage.Decision)
        {
            return;
        }
        if (demo.Stage == ProjectStage.Rejected)
        {
            Ensure(project.Decide(DecisionOutcome.Reject, "周边已有两家超市，且商业运营不宜由社区直接承办。", managerId, Next(5)));
            return;
        }
        Ensure(project.Decide(DecisionOutcome.Approve, "需求明确，资源可以保障，同意立项。", managerId, Next(5)));

        var plan = new ServicePlan
        {
            Purpose = demo.Purpose, StartDate = DateOnly.FromDateTime(at.AddDays(20)), EndDate = DateOnly.FromDateTime(at.AddDays(200)),
            SessionPattern = demo.Pattern, Place = demo.Place, FeeTier = demo.Fee, FeeAmount = demo.FeeAmount,
            DeliveryMode = demo.Mode, Capacity = demo.Capacity,
            Objectives =
            [
                new PlanObjective { Indicator = demo.Indicator, TargetValue = demo.Target, Unit = demo.Unit, MeasuredBy = MeasuredBy.ServiceRecords },
                new PlanObjective { Indicator = "参与者满意度", TargetValue = 90, Unit = "%", MeasuredBy = MeasuredBy.SatisfactionSurvey },
            ],
            Tasks =
            [
                new PlanTask { Order = 1, Text = "摸清服务对象名单，入户登记需求" },
                new PlanTask { Order = 2, Text = "落实场地、人员和物资" },
                new PlanTask { Order = 3, Text = "发布服务通知，组织报名" },
                new PlanTask { Order = 4, Text = "按计划开展服务并做好记录" },
                new PlanTask { Order = 5, Text = "开展满意度调查，总结评估" },
            ],
            Beneficiaries = demo.Groups.Select(g => new PlanBeneficiary { Group = g, ExpectedNumber = (int)Math.Max(10, demo.Target) }).ToList(),
            BudgetLines =
            [
                new PlanBudgetLine { Item = "物资与耗材", Amount = 6000m, Source = FundingSource.StateFunding },
                new PlanBudgetLine { Item = "志愿者交通与餐费补贴", Amount = 2400m, Source = FundingSource.CommunityServiceFund },
                new PlanBudgetLine { Item = "宣传品印制", Amount = 800m, Source = FundingSource.Donation },
            ],
            Venues = [new PlanVenue { Name = demo.Place, Owner = VenueOwner.Center }],
            StaffRoles =
            [
                new PlanStaffRole { Role = "社工", Count = 2 },
                new PlanStaffRole { Role = "志愿者", Count = 8, IsVolunteer = true },
            ],
            Materials = "登记表、宣传海报、服务记录本",
            UsesGroupWork = demo.Mode != DeliveryMode.AtHome,
            UsesCaseWork = demo.Mode != DeliveryMode.AtFacility,
            UsesCommunityWork = true,
            MethodsDescription = "以小组活动为主，个别需求由社工上门跟进，并动员社区志愿者参与。",
        };
        var fee = FeeRules.Suggest(project.Category, demo.Groups);
        if (fee.Departs(demo.Fee))
        {
            plan.FeeJustification = demo.Fee == FeeTier.LowCost ? "只收取成本费用，困难家庭凭证明免费。" : "属提高生活品质的便民服务，按市场价的七折收费。";
        }
        project.Plans.Add(plan);
        if (demo.StopPlanAt == PlanStatus.Draft)
        {
            return;
        }
        Ensure(plan.Submit(Next(7), fee));
        if (demo.StopPlanAt == PlanStatus.Returned)
        {
            Ensure(plan.ReturnForRevision(managerId, "请补充学员考核办法和预算明细。", Next(2)));
            return;
        }
        if (demo.StopPlanAt == PlanStatus.Submitted)
        {
            return;
        }
        Ensure(plan.Approve(managerId, "计划完整，同意实施。", Next(3)));

        var feeText = demo.FeeAmount == 0 ? "免费" : $"{(demo.Fee == FeeTier.LowCost ? "低偿" : "有偿")}，{demo.FeeAmount:0.##} 元";
        var notice = new Notice
        {
            Title = $"{project.Name}开始报名啦",
            Body = $"{project.Summary}\n\n**{demo.Purpose}**\n\n- 请携带身份证或社保卡\n- 名额有限，先到先得，报满后可候补",
            Audience = string.Join("、", demo.Groups.Select(g => DemoGroupNames[g])),
            Schedule = demo.Pattern, Place = demo.Place, Fee = feeText,
            HowToJoin = demo.Mode == DeliveryMode.AtHome ? "在本网站申请上门服务，或致电社区服务中心" : "在本网站报名，或到社区服务中心现场登记",
            Contact = "社区服务中心 010-6000 1234",
            CreatedAt = Next(2), UpdatedAt = at,
        };
        notice.Publish(at);
        project.Notices.Add(notice);
        Ensure(project.AdvanceTo(ProjectStage.Publicity, staffId, "服务通知已发布。", at));
        if (demo.Stage == ProjectStage.Publicity)
        {
            if (demo.Name == "青少年暑期托管")
            {
                // A revision in progress: a draft version 2 that extends the afternoon hours.
                var draft = plan.NewVersion();
                draft.SessionPattern = "7 月 10 日至 8 月 20 日，每个工作日 8:30–18:00";
                project.Plans.Add(draft);
            }
            return;
        }
        Ensure(project.AdvanceTo(ProjectStage.Execution, staffId, "报名完成，开始实施。", Next(14)));
        string[] names = ["王大爷", "刘奶奶", "赵阿姨", "孙师傅", "周大妈", "吴爷爷"];
        for (var i = 0; i < 12; i++)
        {
            project.Records.Add(new ServiceRecord
            {
                RecipientName = names[i % names.Length], DeliveredAt = at.AddDays(i * 3), CreatedAt = at.AddDays(i * 3),
                DeliveryMode = demo.Mode == DeliveryMode.AtHome ? DeliveryMode.AtHome : DeliveryMode.AtFacility,
                DurationMinutes = 60, Description = $"{project.Name}：第 {i + 1} 次服务", RecordedById = staffId,
            });
        }
        if (demo.Name == "残疾人康复上门服务")
        {
            // A revised plan: version 2 raises the target after the first month, and was approved again.
            var revised = plan.NewVersion();
            revised.Objectives[0].TargetValue = 360;
            revised.BudgetLines.Add(new PlanBudgetLine { Item = "康复器材租赁", Amount = 3000m, Source = FundingSource.Donation });
            project.Plans.Add(revised);
            Ensure(revised.Submit(Next(30), fee));
            Ensure(revised.Approve(managerId, "需求超出预期，同意增加服务人次。", Next(2)));
        }
        if (demo.Stage == ProjectStage.Execution)
        {
            return;
        }
        Ensure(project.AdvanceTo(ProjectStage.Evaluation, staffId, "服务周期结束，进入评估。", Next(60)));
        var facts = DemoEvaluations.WalkFacts(project, plan);
        var evaluation = EvaluationReport.Start(0, EvaluationTiming.Final, facts.Plan, facts.Groups, staffId, Next(5));
        DemoEvaluations.Fill(evaluation, project.Name);
        project.Evaluations.Add(evaluation);
        if (demo.Name == DemoEvaluations.MealsProject)
        {
            // Submitted, approved and closed by DemoEvaluations, once its satisfaction questionnaire has answers to freeze.
            return;
        }
        Ensure(evaluation.Submit(facts, at));
        if (demo.Stage == ProjectStage.Evaluation)
        {
            return;
        }
        Ensure(evaluation.Approve(managerId, "目标达成，同意结项。", Next(3)));
        Ensure(project.AdvanceTo(ProjectStage.Closed, managerId, "结项评估已通过。", at));
    }

    /// <summary>Demo data goes through the real rules; one it breaks is a bug in the demo data.</summary>
    internal static void Ensure(GateCheck check)
    {
        if (!check.IsPassed)
        {
            throw new InvalidOperationException("Demo data broke a rule: " + string.Join("; ", check.Missing));
        }
    }

    private Task<ApplicationUser> CreateUserAsync(string userName, string displayName, int? communityId, DateTime now, params string[] roles) =>
        CreateUserAsync(users, userName, displayName, communityId, now, roles);

    /// <summary>A demo account with the demo password and its roles; every demo file creates its people here.</summary>
    internal static async Task<ApplicationUser> CreateUserAsync(
        UserManager<ApplicationUser> users, string userName, string displayName, int? communityId, DateTime createdAt, params string[] roles)
    {
        var user = new ApplicationUser { UserName = userName, DisplayName = displayName, CommunityId = communityId, CreatedAt = createdAt };
        var result = await users.CreateAsync(user, DemoPassword);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
        await users.AddToRolesAsync(user, roles);
        return user;
    }
}
