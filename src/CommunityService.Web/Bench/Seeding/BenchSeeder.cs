using System.Diagnostics;
using System.Globalization;
using System.Text;
using CommunityService.Data;
using CommunityService.Data.Catalog;
using CommunityService.Data.Communities;
using CommunityService.Data.Execution;
using CommunityService.Data.Identity;
using CommunityService.Data.Needs;
using CommunityService.Data.Participation;
using CommunityService.Data.Plans;
using CommunityService.Data.Projects;
using CommunityService.Data.Publicity;
using CommunityService.Data.Residents;
using CommunityService.Data.Surveys;
using CommunityService.Web.Demo;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CommunityService.Web.Bench.Seeding;

/// <summary>What the benchmark script needs to know about the seeded data, written as shell variables.</summary>
public sealed record BenchManifest(int NoticeId, int SurveyId, int ProjectPages, IReadOnlyList<string> Signers, IReadOnlyList<(int Notice, int Session)> SignUpTargets);

/// <summary>
/// Seeds the benchmark's data on top of the demo data, from a fixed random seed: communities, residents with accounts
/// (one password hash, computed once, for all of them), projects spread over the pipeline with their needs, plans,
/// notices, sessions and sign-ups, service records with ratings, surveys with responses and one survey with a
/// 10,000-strong response, then the fortunes table of the baseline page and ANALYZE.
/// <para>
/// Bulk, two ways. The big flat tables (accounts and their roles, profiles, sign-ups, service records, ratings, survey
/// responses and answers) go through <see cref="BulkWriter"/>: prepared INSERTs built from EF's model, keys assigned in
/// the seeder, one transaction per 10,000 rows. The project graphs (project, need, plan, budget lines, notice, channels,
/// sessions) and the surveys go through EF with automatic change detection off, added in batches of 250 projects;
/// each batch is one SaveChanges (one transaction) and the change tracker is cleared after it.
/// </para>
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The writer and inserters live only within SeedAsync, which disposes them.")]
public sealed class BenchSeeder(
    CommunityServiceDbContext db, DemoSeeder demo, IPasswordHasher<ApplicationUser> hasher, TimeProvider clock, ILogger<BenchSeeder> logger)
{
    public const string CommunityPrefix = "基准";
    public const string ResidentPrefix = "bench-r";
    public const string StaffPrefix = "bench-staff-";
    public const string BigSurveyTitle = "基准·居民服务满意度大调查";
    public const string FortuneTable = "Fortune";
    private const int ProjectBatch = 250;

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗"];
    private static readonly string[] Given = ["秀英", "桂英", "建国", "建华", "志强", "丽华", "伟", "芳", "敏", "静", "磊", "洋", "艳", "勇", "军", "杰", "娟", "涛", "明", "超", "秀兰", "玉兰", "德明", "淑珍"];
    private static readonly string[] Streets = ["幸福路", "和平街", "青石巷", "阳光大道", "光明路", "团结路", "友谊街", "建设路"];
    private static readonly string[] Services = ["助餐送餐", "康复训练", "健康讲座", "上门探访", "课后托管", "就业指导", "文体活动", "法律咨询", "心理疏导", "家政培训"];
    private static readonly string[] Places = ["社区活动中心", "长者食堂", "党群服务中心", "社区卫生服务站", "文化活动室", "居民议事厅"];

    // A city's projects by where they stand: most are history. The running ones (publicity, execution) are set apart.
    private static readonly (ProjectStage Stage, int Percent)[] History =
    [
        (ProjectStage.Survey, 6), (ProjectStage.Decision, 4), (ProjectStage.Plan, 5), (ProjectStage.Evaluation, 10),
        (ProjectStage.Closed, 65), (ProjectStage.Rejected, 6), (ProjectStage.Cancelled, 4),
    ];

    private Random random = new(0);
    private DateTime now;
    private BulkWriter? writer;

    private BulkWriter Writer => writer ?? throw new InvalidOperationException("Not seeding.");

    private sealed record Served(int Id, int Community, DateTime From, DateTime To, DeliveryMode Mode);

    public async Task<BenchManifest> SeedAsync(BenchSize size, int seed, CancellationToken ct)
    {
        random = new Random(seed);
        now = clock.GetUtcNow().UtcDateTime;
        var total = Stopwatch.StartNew();
        await demo.SeedAsync(ct);
        if (await db.Communities.AnyAsync(c => c.Name.StartsWith(CommunityPrefix), ct))
        {
            throw new InvalidOperationException("This database already holds benchmark data: seed a fresh database.");
        }
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await db.Database.OpenConnectionAsync(ct);
        writer = new BulkWriter(db);
        try
        {
            // Losing the file to a power cut mid-seed costs nothing: the benchmark starts from a fresh one anyway.
            var sqlite = db.Database.IsSqlite();
            if (sqlite)
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous=OFF; PRAGMA cache_size=-200000;", ct);
            }
            var communities = await Step("communities and staff", () => CommunitiesAsync(size, ct));
            var residents = await Step("residents", () => ResidentsAsync(size, communities.Ids, ct));
            var (served, noticeId, targets) = await Step("projects, notices, sessions and sign-ups", () => ProjectsAsync(size, communities, residents, ct));
            await Step("service records and ratings", () => RecordsAsync(size, served, communities.Staff, residents, ct));
            var surveyId = await Step("surveys and responses", () => SurveysAsync(size, communities.Ids, residents, ct));
            await Step("fortunes", () => FortunesAsync(ct));
            await Step("ANALYZE", async () =>
            {
                await db.Database.ExecuteSqlRawAsync(sqlite ? "ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);" : "ANALYZE;", ct);
                if (db.Database.IsNpgsql())
                {
                    // The rows were written with their keys: each identity sequence goes on after the highest one.
                    foreach (var (table, column) in GeneratedKeys())
                    {
                        var sql = $"SELECT setval(pg_get_serial_sequence('\"{table}\"', '{column}'), GREATEST(MAX(\"{column}\"), 1)) FROM \"{table}\"";
                        await db.Database.ExecuteSqlRawAsync(sql, ct);
                    }
                }
                return 0;
            });
            var projects = await db.Projects.CountAsync(ct);
            logger.LogInformation("Benchmark data '{Size}' (seed {Seed}) seeded in {Seconds:0.0} s.", size.Name, seed, total.Elapsed.TotalSeconds);
            return new BenchManifest(noticeId, surveyId, (projects + 19) / 20,
                [.. Enumerable.Range(0, size.Signers).Select(i => $"{ResidentPrefix}{i}")], targets);
        }
        finally
        {
            users?.Dispose();
            userRoles?.Dispose();
            (users, userRoles) = (null, null);
            await writer.DisposeAsync();
            writer = null;
            db.ChangeTracker.AutoDetectChangesEnabled = true;
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<T> Step<T>(string what, Func<Task<T>> run)
    {
        var watch = Stopwatch.StartNew();
        var result = await run();
        await Writer.CommitAsync(CancellationToken.None);
        logger.LogInformation("Seeded {What} in {Seconds:0.0} s.", what, watch.Elapsed.TotalSeconds);
        return result;
    }

    private async Task SaveBatchAsync(CancellationToken ct)
    {
        await Writer.CommitAsync(ct);
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    // ---- Communities and staff -------------------------------------------------------------------------------------

    private sealed record CommunitySet(int[] Ids, double[] Weights, string[] Staff);

    private async Task<CommunitySet> CommunitiesAsync(BenchSize size, CancellationToken ct)
    {
        var office = await db.StreetOffices.Select(o => o.Id).FirstAsync(ct);
        var communities = Enumerable.Range(1, size.Communities)
            .Select(i => new Community { StreetOfficeId = office, Name = $"{CommunityPrefix}{i}社区", Description = $"{CommunityPrefix}{i}社区居民委员会" })
            .ToList();
        db.Communities.AddRange(communities);
        await SaveBatchAsync(ct);
        var staffRole = await RoleIdAsync(Roles.Staff, ct);
        var staff = new string[communities.Count];
        for (var i = 0; i < communities.Count; i++)
        {
            staff[i] = await AddUserAsync($"{StaffPrefix}{i + 1}", $"{Name()}（社工）", communities[i].Id, staffRole, now.AddYears(-3), null, ct);
        }
        // Communities differ in size: the first are the big ones (weights fall off like 1/sqrt(rank)).
        var weights = new double[communities.Count];
        var sum = 0.0;
        for (var i = 0; i < weights.Length; i++)
        {
            sum += 1 / Math.Sqrt(i + 1);
            weights[i] = sum;
        }
        return new CommunitySet([.. communities.Select(c => c.Id)], weights, staff);
    }

    private int PickCommunity(CommunitySet set)
    {
        var x = random.NextDouble() * set.Weights[^1];
        var index = Array.BinarySearch(set.Weights, x);
        return Math.Min(index < 0 ? ~index : index, set.Weights.Length - 1);
    }

    private Task<string> RoleIdAsync(string role, CancellationToken ct) => db.Roles.Where(r => r.Name == role).Select(r => r.Id).SingleAsync(ct);

    private string? passwordHash;
    private BulkInsert<ApplicationUser>? users;
    private BulkInsert<IdentityUserRole<string>>? userRoles;

    /// <summary>An account with the demo password; the hash is computed once (PBKDF2 is slow on purpose) and shared.</summary>
    private async Task<string> AddUserAsync(string userName, string displayName, int? communityId, string roleId, DateTime createdAt, string? phone, CancellationToken ct)
    {
        passwordHash ??= hasher.HashPassword(new ApplicationUser(), DemoSeeder.DemoPassword);
        users ??= await Writer.ForAsync<ApplicationUser>(ct);
        userRoles ??= await Writer.ForAsync<IdentityUserRole<string>>(ct);
        var id = NewGuid().ToString();
        await users.AddAsync(new ApplicationUser
        {
            Id = id, UserName = userName, NormalizedUserName = userName.ToUpperInvariant(), DisplayName = displayName, CommunityId = communityId,
            PasswordHash = passwordHash, SecurityStamp = NewGuid().ToString("N").ToUpperInvariant(), ConcurrencyStamp = NewGuid().ToString(),
            LockoutEnabled = true, PhoneNumber = phone, CreatedAt = createdAt,
        }, ct);
        await userRoles.AddAsync(new IdentityUserRole<string> { UserId = id, RoleId = roleId }, ct);
        return id;
    }

    // ---- Residents -------------------------------------------------------------------------------------------------

    private sealed record ResidentSet(string[] Ids, string[] Names, int[] Community);

    private async Task<ResidentSet> ResidentsAsync(BenchSize size, int[] communityIds, CancellationToken ct)
    {
        var role = await RoleIdAsync(Roles.Resident, ct);
        var set = new ResidentSet(new string[size.Residents], new string[size.Residents], new int[size.Residents]);
        var weights = new CommunitySet(communityIds, CumulativeWeights(communityIds.Length), []);
        using var profiles = await Writer.ForAsync<ResidentProfile>(ct);
        for (var i = 0; i < size.Residents; i++)
        {
            var community = PickCommunity(weights);
            var name = Name();
            var phone = $"13{random.Next(100_000_000, 999_999_999)}";
            var id = await AddUserAsync($"{ResidentPrefix}{i}", name, communityIds[community], role, Between(now.AddYears(-3), now.AddDays(-30)), phone, ct);
            (set.Ids[i], set.Names[i], set.Community[i]) = (id, name, community);
            if (random.Next(10) < 6)
            {
                await profiles.AddAsync(new ResidentProfile
                {
                    UserId = id, FullName = name, Phone = phone, CommunityId = communityIds[community],
                    Address = $"{Streets[random.Next(Streets.Length)]}{random.Next(1, 300)}号{random.Next(1, 30)}栋{random.Next(101, 1800)}室",
                    Household = random.Next(3) == 0 ? "独居" : $"{random.Next(2, 6)} 口人", UpdatedAt = now.AddDays(-random.Next(1, 700)),
                }, ct);
            }
        }
        return set;
    }

    private static double[] CumulativeWeights(int count)
    {
        var weights = new double[count];
        var sum = 0.0;
        for (var i = 0; i < count; i++)
        {
            sum += 1 / Math.Sqrt(i + 1);
            weights[i] = sum;
        }
        return weights;
    }

    // ---- Projects with needs, plans, notices, sessions and sign-ups -------------------------------------------------

    private async Task<(List<Served> Served, int NoticeId, List<(int, int)> Targets)> ProjectsAsync(
        BenchSize size, CommunitySet communities, ResidentSet residents, CancellationToken ct)
    {
        var types = await db.ServiceTypes.AsNoTracking().Where(t => t.IsActive).Select(t => new { t.Id, t.Category, t.Name }).ToListAsync(ct);
        var stages = new ProjectStage[size.Projects];
        var every = Math.Max(1, size.Projects / size.ActiveProjects);
        for (var i = 0; i < stages.Length; i++)
        {
            stages[i] = i % every == 0 && i / every < size.ActiveProjects
                ? (random.Next(3) == 0 ? ProjectStage.Publicity : ProjectStage.Execution)
                : HistoricalStage();
        }
        // Sessions: six for a running project (four ahead), three for one in evaluation or closed; sign-ups spread over them.
        var sessions = stages.Sum(s => s is ProjectStage.Publicity or ProjectStage.Execution ? 6 : s is ProjectStage.Evaluation or ProjectStage.Closed ? 3 : 0);
        var perSession = Math.Max(1, size.SignUps / Math.Max(1, sessions));

        var served = new List<Served>();
        var targets = new List<(int, int)>();
        var noticeId = 0;
        var batch = new List<(ServiceProject Project, Notice? Notice, List<ServiceSession> Sessions, DeliveryMode Mode, int Community)>();
        var pendingSignUps = new List<(ServiceSession Session, List<SignUp> SignUps)>();
        using var signUpRows = await Writer.ForAsync<SignUp>(ct);
        for (var i = 0; i < stages.Length; i++)
        {
            var stage = stages[i];
            var running = stage is ProjectStage.Publicity or ProjectStage.Execution;
            var type = types[random.Next(types.Count)];
            var community = PickCommunity(communities);
            var staff = communities.Staff[community];
            var created = stage switch
            {
                ProjectStage.Survey or ProjectStage.Decision or ProjectStage.Plan => now.AddDays(-random.Next(5, 90)),
                _ when running => now.AddDays(-random.Next(30, 240)),
                _ => Between(now.AddYears(-3), now.AddDays(-120)),
            };
            var updated = stage is ProjectStage.Closed or ProjectStage.Rejected or ProjectStage.Cancelled or ProjectStage.Evaluation
                ? Min(created.AddDays(random.Next(60, 360)), now.AddDays(-1))
                : Between(created, now);
            var service = Services[random.Next(Services.Length)];
            var project = new ServiceProject
            {
                Name = $"{CommunityPrefix}{i + 1}·{service}", Summary = $"为社区居民提供{service}服务，每月定期开展。", Category = type.Category,
                ServiceTypeId = type.Id, CommunityId = communities.Ids[community], CreatedById = staff, CreatedAt = created, UpdatedAt = updated,
                ExpectedBeneficiaries = random.Next(20, 400), RoughBudget = random.Next(5, 200) * 1000m, ResourcesToUse = Places[random.Next(Places.Length)],
                TargetGroups = [new ProjectTargetGroup { Group = (TargetGroup)random.Next(7) }],
            };
            project.Needs.Add(new NeedFinding
            {
                CommunityId = communities.Ids[community], Text = $"居民反映需要{service}。", Status = NeedStatus.Addressed, Category = type.Category,
                ServiceTypeId = type.Id, ResidentsConcerned = random.Next(10, 500), CreatedById = staff, CreatedAt = created.AddDays(-7),
            });
            db.Projects.Add(project);
            db.Entry(project).Property(p => p.Stage).CurrentValue = stage;

            var mode = running
                ? (random.Next(10) < 9 ? (random.Next(4) == 0 ? DeliveryMode.Both : DeliveryMode.AtFacility) : DeliveryMode.AtHome)
                : (DeliveryMode)random.Next(3);
            Notice? notice = null;
            var projectSessions = new List<ServiceSession>();
            if (stage is ProjectStage.Plan || running || stage is ProjectStage.Evaluation or ProjectStage.Closed)
            {
                AddPlan(project, stage, mode, created);
            }
            if (running || stage is ProjectStage.Evaluation or ProjectStage.Closed)
            {
                notice = AddNotice(project, service, running, created, updated);
                if (mode != DeliveryMode.AtHome)
                {
                    projectSessions = AddSessions(project, running, created, updated, service);
                    foreach (var session in projectSessions)
                    {
                        pendingSignUps.Add((session, SignUpsFor(session, random.Next(0, 2 * perSession + 1), size, residents)));
                    }
                }
            }
            batch.Add((project, notice, projectSessions, mode, community));
            if (batch.Count == ProjectBatch || i == stages.Length - 1)
            {
                await SaveBatchAsync(ct);
                // Sign-ups name their project as well as their session, so they go in once both have their keys.
                foreach (var (session, signUps) in pendingSignUps)
                {
                    foreach (var signUp in signUps)
                    {
                        (signUp.SessionId, signUp.ProjectId) = (session.Id, session.ProjectId);
                        await signUpRows.AddAsync(signUp, ct);
                    }
                }
                pendingSignUps.Clear();
                foreach (var (p, n, s, m, c) in batch)
                {
                    if (p.Stage is ProjectStage.Execution or ProjectStage.Evaluation or ProjectStage.Closed)
                    {
                        served.Add(new Served(p.Id, c, p.CreatedAt, p.Stage == ProjectStage.Execution ? now : p.UpdatedAt, m));
                    }
                    if (n is not null && p.Stage is ProjectStage.Publicity or ProjectStage.Execution && s.Count > 0)
                    {
                        noticeId = noticeId == 0 ? n.Id : noticeId;
                        targets.AddRange(s.Where(x => x.StartsAt > now).Select(x => (n.Id, x.Id)));
                    }
                }
                batch.Clear();
            }
        }
        return (served, noticeId, targets);
    }

    private ProjectStage HistoricalStage()
    {
        var x = random.Next(100);
        foreach (var (stage, percent) in History)
        {
            if (x < percent)
            {
                return stage;
            }
            x -= percent;
        }
        return ProjectStage.Closed;
    }

    private void AddPlan(ServiceProject project, ProjectStage stage, DeliveryMode mode, DateTime created)
    {
        var fee = (FeeTier)random.Next(3);
        var start = DateOnly.FromDateTime(created.AddDays(30));
        var plan = new ServicePlan
        {
            Project = project, VersionNumber = 1, Purpose = $"{project.Summary}让更多居民受益。", StartDate = start, EndDate = start.AddMonths(random.Next(3, 13)),
            SessionPattern = "每周一次", Place = Places[random.Next(Places.Length)], FeeTier = fee, FeeAmount = fee == FeeTier.Free ? 0 : random.Next(1, 30) * 5,
            DeliveryMode = mode, Capacity = random.Next(2, 7) * 10, UsesGroupWork = true, MethodsDescription = "小组工作与个案跟进相结合。",
            BudgetLines =
            [
                new PlanBudgetLine { Item = "活动物资", Amount = random.Next(2, 50) * 100m, Source = (FundingSource)random.Next(3) },
                new PlanBudgetLine { Item = "专业人员补贴", Amount = random.Next(2, 80) * 100m, Source = (FundingSource)random.Next(3) },
            ],
        };
        db.Plans.Add(plan);
        db.Entry(plan).Property(p => p.Status).CurrentValue = stage == ProjectStage.Plan
            ? (random.Next(2) == 0 ? PlanStatus.Draft : PlanStatus.Submitted)
            : PlanStatus.Approved;
    }

    private Notice AddNotice(ServiceProject project, string service, bool running, DateTime created, DateTime updated)
    {
        var place = Places[random.Next(Places.Length)];
        var notice = new Notice
        {
            Project = project, Title = $"{service}·{project.Name[..Math.Min(project.Name.Length, 20)]}招募通知",
            Body = NoticeBody(service, place), Audience = "本社区居民，老年人、残疾人和困难家庭优先", Schedule = "每周三 9:00–11:00",
            Place = place, Fee = "免费", HowToJoin = "在线报名或到社区居委会登记", Contact = $"社区居委会 010-6{random.Next(100, 999)} {random.Next(1000, 9999)}",
            CreatedAt = created.AddDays(20), UpdatedAt = created.AddDays(21),
        };
        db.Notices.Add(notice);
        var published = running ? Between(now.AddDays(-90), now.AddDays(-1)) : created.AddDays(21);
        notice.Publish(published);
        if (!running)
        {
            // History: the window closed when the service ended, or the notice was withdrawn.
            if (random.Next(10) == 0)
            {
                notice.Withdraw(updated);
            }
            else
            {
                notice.VisibleUntil = updated;
            }
        }
        return notice;
    }

    private static string NoticeBody(string service, string place) =>
        $"""
        ## 服务内容

        社区将在{place}开展**{service}**服务，由专业社工和志愿者共同提供。服务面向辖区居民，重点关注独居老人、残疾人和困难家庭。

        - 每次活动约两小时，请提前十分钟到场签到；
        - 行动不便的居民可联系居委会，安排志愿者陪同；
        - 活动期间提供茶水，请自带水杯。

        ## 注意事项

        名额有限，先到先得；报满后可进入候补名单，有人取消时按报名先后自动递补。如有疑问，请在工作日致电居委会咨询。
        """;

    private List<ServiceSession> AddSessions(ServiceProject project, bool running, DateTime created, DateTime updated, string service)
    {
        var list = new List<ServiceSession>();
        var capacity = random.Next(2, 7) * 10;
        if (running)
        {
            var first = now.Date.AddDays(random.Next(1, 7)).AddHours(1);
            for (var week = -2; week < 4; week++)
            {
                list.Add(Session(project, $"{service} 第 {week + 3} 期", first.AddDays(7 * week), capacity, created));
            }
        }
        else
        {
            for (var k = 0; k < 3; k++)
            {
                list.Add(Session(project, $"{service} 第 {k + 1} 期", Between(created.AddDays(30), Max(created.AddDays(31), updated)), capacity, created));
            }
        }
        db.Sessions.AddRange(list);
        return list;
    }

    private ServiceSession Session(ServiceProject project, string title, DateTime starts, int capacity, DateTime created) => new(capacity)
    {
        Project = project, Title = title, StartsAt = starts, EndsAt = starts.AddHours(2), Place = Places[random.Next(Places.Length)],
        VolunteersNeeded = random.Next(0, 4), CreatedAt = Min(created.AddDays(25), starts.AddDays(-1)),
    };

    private List<SignUp> SignUpsFor(ServiceSession session, int count, BenchSize size, ResidentSet residents)
    {
        var list = new List<SignUp>();
        var taken = 0;
        var seen = new HashSet<int>();
        for (var k = 0; k < count; k++)
        {
            // The first residents (the benchmark's signers) are kept free of sign-ups.
            var r = size.Signers + random.Next(size.Residents - size.Signers);
            if (!seen.Add(r))
            {
                continue;
            }
            var at = Min(session.CreatedAt.AddHours(random.Next(1, 24 * 14)), session.StartsAt.AddHours(-1));
            var status = random.Next(20) == 0 ? SignUpStatus.Cancelled : taken < session.Capacity ? SignUpStatus.Registered : SignUpStatus.Waiting;
            taken += status == SignUpStatus.Registered ? 1 : 0;
            list.Add(new SignUp
            {
                ResidentId = residents.Ids[r], Name = residents.Names[r], Phone = $"13{random.Next(100_000_000, 999_999_999)}",
                Status = status, Channel = random.Next(5) == 0 ? SignUpChannel.Phone : SignUpChannel.Online, CreatedAt = at,
                CancelledAt = status == SignUpStatus.Cancelled ? at.AddHours(5) : null,
                CheckedInAt = status == SignUpStatus.Registered && session.StartsAt < now && random.Next(10) < 8 ? session.StartsAt : null,
            });
        }
        db.Entry(session).Property(s => s.PlacesTaken).CurrentValue = taken;
        return list;
    }

    // ---- Service records and ratings --------------------------------------------------------------------------------

    private async Task<int> RecordsAsync(BenchSize size, List<Served> served, string[] staff, ResidentSet residents, CancellationToken ct)
    {
        if (served.Count == 0)
        {
            return 0;
        }
        using var records = await Writer.ForAsync<ServiceRecord>(ct);
        using var ratings = await Writer.ForAsync<ServiceFeedback>(ct);
        for (var i = 0; i < size.Records; i++)
        {
            var project = served[random.Next(served.Count)];
            var at = Between(project.From, project.To);
            int? resident = random.Next(10) < 7 ? random.Next(size.Residents) : null;
            var mode = project.Mode == DeliveryMode.Both ? (DeliveryMode)random.Next(2) : project.Mode;
            var record = new ServiceRecord
            {
                ProjectId = project.Id, DeliveredAt = at, CreatedAt = at.AddHours(random.Next(1, 48)), DeliveryMode = mode,
                DurationMinutes = 15 + 5 * random.Next(34), ResidentId = resident is { } r ? residents.Ids[r] : null,
                RecipientName = resident is { } n ? residents.Names[n] : Name(), Description = Services[random.Next(Services.Length)],
                Place = mode == DeliveryMode.AtHome ? "居民家中" : Places[random.Next(Places.Length)], RecordedById = staff[project.Community],
                DeliveredById = random.Next(2) == 0 ? staff[project.Community] : null,
            };
            await records.AddAsync(record, ct);
            // About one service in ten is rated, by the resident who received it.
            if (resident is { } w && random.Next(7) == 0)
            {
                await ratings.AddAsync(new ServiceFeedback
                {
                    ProjectId = record.ProjectId, ServiceRecordId = record.Id, ResidentId = residents.Ids[w], Rating = Rating(),
                    Comment = random.Next(4) == 0 ? "服务很周到，谢谢社工。" : "", CreatedAt = record.DeliveredAt.AddDays(1),
                }, ct);
            }
        }
        return records.Count;
    }

    private int Rating() => random.Next(10) switch
    {
        0 => 2,
        1 or 2 => 3,
        3 or 4 or 5 => 4,
        _ => 5,
    };

    // ---- Surveys and responses --------------------------------------------------------------------------------------

    private async Task<int> SurveysAsync(BenchSize size, int[] communityIds, ResidentSet residents, CancellationToken ct)
    {
        var enteredBy = await db.Users.Where(u => u.UserName == "staff").Select(u => u.Id).SingleAsync(ct);
        var bigId = 0;
        for (var s = 0; s <= size.Surveys; s++)
        {
            var big = s == 0;
            var start = big ? DateOnly.FromDateTime(now.AddDays(-60)) : DateOnly.FromDateTime(Between(now.AddYears(-3), now.AddDays(-30)));
            var covered = big ? communityIds : [.. Enumerable.Range(0, random.Next(1, 4)).Select(_ => communityIds[random.Next(communityIds.Length)]).Distinct()];
            var communities = await db.Communities.Where(c => covered.Contains(c.Id)).ToListAsync(ct);
            var survey = new Survey
            {
                Title = big ? BigSurveyTitle : $"{CommunityPrefix}·{Services[random.Next(Services.Length)]}需求调查 {s}",
                Purpose = "了解居民对社区服务的需求和满意度，为下一年度服务计划提供依据。", StartDate = start, EndDate = start.AddDays(big ? 90 : 45),
                AllowAnonymous = true, CreatedById = enteredBy, CreatedAt = start.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddDays(-3),
                Communities = communities,
            };
            AddQuestions(survey);
            survey.Open();
            if (!big && survey.EndDate < DateOnly.FromDateTime(now))
            {
                survey.Close();
            }
            db.Surveys.Add(survey);
            await SaveBatchAsync(ct);
            bigId = big ? survey.Id : bigId;
            await ResponsesAsync(survey, big ? size.BigSurveyResponses : size.ResponsesPerSurvey, communityIds, residents, enteredBy, ct);
        }
        return bigId;
    }

    private static void AddQuestions(Survey survey)
    {
        static List<QuestionOption> Options(params string[] texts) => [.. texts.Select((t, i) => new QuestionOption { Order = i + 1, Text = t })];
        survey.AddQuestion(new SurveyQuestion { Type = QuestionType.SingleChoice, Text = "您对社区服务总体是否满意？", Required = true, Options = Options("非常满意", "满意", "一般", "不满意", "非常不满意") });
        survey.AddQuestion(new SurveyQuestion { Type = QuestionType.MultipleChoice, Text = "您最需要哪些服务？", AllowOther = true, Options = Options("助餐", "助医", "文体活动", "课后托管", "就业指导", "法律咨询") });
        survey.AddQuestion(new SurveyQuestion { Type = QuestionType.Rating, Text = "请为社区服务中心打分", Required = true });
        survey.AddQuestion(new SurveyQuestion { Type = QuestionType.Number, Text = "您家中共有几口人？" });
        survey.AddQuestion(new SurveyQuestion { Type = QuestionType.ShortText, Text = "您最常去的社区场所是哪里？" });
        survey.AddQuestion(new SurveyQuestion { Type = QuestionType.LongText, Text = "您对社区服务还有什么意见和建议？" });
    }

    private async Task ResponsesAsync(Survey survey, int count, int[] communityIds, ResidentSet residents, string enteredBy, CancellationToken ct)
    {
        var questions = survey.Ordered;
        var from = survey.StartDate.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var to = Min(survey.EndDate.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), now);
        using var responses = await Writer.ForAsync<SurveyResponse>(ct);
        using var answers = await Writer.ForAsync<SurveyAnswer>(ct);
        // Online answers come from accounts, each resident once: a run of residents from a random start; the rest is paper and interviews.
        var online = Math.Min(count * 3 / 10, residents.Ids.Length);
        var first = random.Next(residents.Ids.Length);
        for (var k = 0; k < count; k++)
        {
            var isOnline = k < online;
            var r = (first + k) % residents.Ids.Length;
            var at = Between(from, to);
            var response = new SurveyResponse
            {
                SurveyId = survey.Id, RespondentId = isOnline ? residents.Ids[r] : null, RespondentName = isOnline || random.Next(2) == 0 ? "" : Name(),
                CommunityId = isOnline ? communityIds[residents.Community[r]] : communityIds[random.Next(communityIds.Length)],
                AgeBand = (AgeBand)random.Next(5), Channel = isOnline ? ResponseChannel.Online : random.Next(3) == 0 ? ResponseChannel.Interview : ResponseChannel.Paper,
                EnteredById = isOnline ? null : enteredBy, SubmittedAt = at, UpdatedAt = at,
            };
            await responses.AddAsync(response, ct);
            AddAnswers(response, questions);
            foreach (var answer in response.Answers)
            {
                answer.ResponseId = response.Id;
                await answers.AddAsync(answer, ct);
            }
        }
    }

    private void AddAnswers(SurveyResponse response, List<SurveyQuestion> questions)
    {
        foreach (var q in questions)
        {
            switch (q.Type)
            {
                case QuestionType.SingleChoice:
                    response.Answers.Add(new SurveyAnswer { QuestionId = q.Id, OptionId = q.Options[Math.Min(q.Options.Count - 1, 5 - Rating())].Id });
                    break;
                case QuestionType.MultipleChoice:
                    foreach (var option in q.Options.Where(_ => random.Next(3) == 0))
                    {
                        response.Answers.Add(new SurveyAnswer { QuestionId = q.Id, OptionId = option.Id });
                    }
                    if (random.Next(20) == 0)
                    {
                        response.Answers.Add(new SurveyAnswer { QuestionId = q.Id, Text = "社区食堂延长营业时间" });
                    }
                    break;
                case QuestionType.Rating:
                    response.Answers.Add(new SurveyAnswer { QuestionId = q.Id, Number = Rating() });
                    break;
                case QuestionType.Number when random.Next(10) < 8:
                    response.Answers.Add(new SurveyAnswer { QuestionId = q.Id, Number = random.Next(1, 7) });
                    break;
                case QuestionType.ShortText when random.Next(10) < 6:
                    response.Answers.Add(new SurveyAnswer { QuestionId = q.Id, Text = Places[random.Next(Places.Length)] });
                    break;
                case QuestionType.LongText when random.Next(10) < 3:
                    response.Answers.Add(new SurveyAnswer { QuestionId = q.Id, Text = $"希望多组织{Services[random.Next(Services.Length)]}，时间最好安排在周末。" });
                    break;
                default:
                    break;
            }
        }
    }

    // ---- The fortunes table of the baseline page -----------------------------------------------------------------------

    /// <summary>
    /// TechEmpower's twelve fortunes, in a table the real migrations know nothing about: created here with raw SQL and
    /// read only by the bench build's own DbContext.
    /// </summary>
    public static readonly IReadOnlyList<string> Fortunes =
    [
        "fortune: No such file or directory",
        "A computer scientist is someone who fixes things that aren't broken.",
        "After enough decimal places, nobody gives a damn.",
        "A bad random number generator: 1, 1, 1, 1, 1, 4.33e+67, 1, 1, 1",
        "A computer program does what you tell it to do, not what you want it to do.",
        "Emacs is a nice operating system, but I prefer UNIX. — Tom Christaensen",
        "Any program that runs right is obsolete.",
        "A list is only as strong as its weakest link. — Donald Knuth",
        "Feature: A bug with seniority.",
        "Computers make very fast, very accurate mistakes.",
        "<script>alert(\"This should not be displayed in a browser alert box.\");</script>",
        "フレームワークのベンチマーク",
    ];

    /// <summary>The tables whose key the database generates (an int identity), with the key's column.</summary>
    private IEnumerable<(string Table, string Column)> GeneratedKeys() =>
        db.Model.GetEntityTypes()
            .Where(e => e.GetTableName() is not null && e.FindPrimaryKey()?.Properties is [{ ValueGenerated: ValueGenerated.OnAdd } key] && key.ClrType == typeof(int))
            .Select(e => (e.GetTableName()!, e.FindPrimaryKey()!.Properties[0].GetColumnName()))
            .Distinct();

    private async Task<int> FortunesAsync(CancellationToken ct)
    {
        var sql = new StringBuilder($"DROP TABLE IF EXISTS \"{FortuneTable}\"; CREATE TABLE \"{FortuneTable}\" (\"Id\" INTEGER NOT NULL PRIMARY KEY, \"Message\" TEXT NOT NULL);");
        await db.Database.ExecuteSqlRawAsync(sql.ToString(), ct);
        for (var i = 0; i < Fortunes.Count; i++)
        {
            var id = i + 1;
            var message = Fortunes[i];
            await db.Database.ExecuteSqlAsync($"INSERT INTO \"Fortune\" (\"Id\", \"Message\") VALUES ({id}, {message})", ct);
        }
        return Fortunes.Count;
    }

    // ---- Helpers ---------------------------------------------------------------------------------------------------------

    private string Name() => Surnames[random.Next(Surnames.Length)] + Given[random.Next(Given.Length)];

    private Guid NewGuid()
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }

    private DateTime Between(DateTime from, DateTime to) =>
        to <= from ? from : from.AddSeconds(random.NextDouble() * (to - from).TotalSeconds);

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;

    /// <summary>The manifest as shell variables, and the sign-up targets one "notice session" pair a line.</summary>
    public static async Task WriteAsync(BenchManifest manifest, string folder, CancellationToken ct)
    {
        Directory.CreateDirectory(folder);
        var env = string.Create(CultureInfo.InvariantCulture,
            $"NOTICE_ID={manifest.NoticeId}\nSURVEY_ID={manifest.SurveyId}\nPROJECT_PAGES={manifest.ProjectPages}\nSIGNERS={manifest.Signers.Count}\n" +
            $"SIGNER_PREFIX={ResidentPrefix}\nSIGNUP_TARGETS={manifest.SignUpTargets.Count}\n");
        await File.WriteAllTextAsync(Path.Combine(folder, "bench.env"), env, ct);
        await File.WriteAllLinesAsync(Path.Combine(folder, "signup-targets.txt"),
            manifest.SignUpTargets.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Notice} {t.Session}")), ct);
    }
}
