using CommunityService.Data;
using CommunityService.Data.Catalog;
using CommunityService.Data.Communities;
using CommunityService.Data.Execution;
using CommunityService.Data.Money;
using CommunityService.Data.Needs;
using CommunityService.Data.Participation;
using CommunityService.Data.Plans;
using CommunityService.Data.Projects;
using CommunityService.Data.Volunteers;
using Microsoft.EntityFrameworkCore;

namespace CommunityService.IntegrationTests.Dashboard;

/// <summary>
/// A new community, 看板社区, with known facts in spring 2024 (local time, UTC+8), and a few just outside March–May to prove
/// they are left out. The figures the tests expect are worked out by hand in the comments.
/// </summary>
public static class DashboardData
{
    public const string CommunityName = "看板社区";

    private static DateTime Utc(int month, int day, int hour = 2) => new(2024, month, day, hour, 0, 0, DateTimeKind.Utc);

    public static async Task<int> SeedAsync(CommunityServiceDbContext db)
    {
        var community = new Community { Name = CommunityName, StreetOfficeId = await db.StreetOffices.Select(o => o.Id).FirstAsync() };
        db.Communities.Add(community);
        await db.SaveChangesAsync();
        var staff = await db.Users.Where(u => u.UserName == "staff").Select(u => u.Id).SingleAsync();
        var resident = await db.Users.Where(u => u.UserName == "resident").Select(u => u.Id).SingleAsync();
        var volunteer = await db.Users.Where(u => u.UserName == "volunteer").Select(u => u.Id).SingleAsync();
        var welfareType = await db.ServiceTypes.Where(t => t.Category == ServiceCategory.Welfare).Select(t => t.Id).FirstAsync();
        var publicType = await db.ServiceTypes.Where(t => t.Category == ServiceCategory.PublicBenefit).Select(t => t.Id).FirstAsync();

        ServiceProject Project(string name, ServiceCategory category, int type, DateTime created, ProjectStage stage, params TargetGroup[] groups)
        {
            var project = new ServiceProject
            {
                Name = name, Category = category, ServiceTypeId = type, CommunityId = community.Id, CreatedById = staff, CreatedAt = created, UpdatedAt = created,
                TargetGroups = groups.Select(g => new ProjectTargetGroup { Group = g }).ToList(),
            };
            db.Projects.Add(project);
            db.Entry(project).Property(p => p.Stage).CurrentValue = stage;
            return project;
        }
        // Projects: 助老 (welfare, execution) and 青少年 (public benefit, publicity) before the period ends; 未来 after it.
        var elderly = Project("看板·助老", ServiceCategory.Welfare, welfareType, Utc(1, 10), ProjectStage.Execution, TargetGroup.Elderly, TargetGroup.Disabled);
        var youth = Project("看板·青少年", ServiceCategory.PublicBenefit, publicType, Utc(2, 1), ProjectStage.Publicity, TargetGroup.Youth);
        var future = Project("看板·未来", ServiceCategory.Welfare, welfareType, Utc(7, 1), ProjectStage.Survey, TargetGroup.Elderly);

        // Needs: found 3 in the period (open 1, addressed 2); the set-aside one is from June.
        void Need(ServiceCategory category, NeedStatus status, DateTime at) =>
            db.Needs.Add(new NeedFinding { CommunityId = community.Id, Text = "看板需求", Category = category, Status = status, CreatedById = staff, CreatedAt = at });
        Need(ServiceCategory.Welfare, NeedStatus.Open, Utc(3, 5));
        Need(ServiceCategory.Welfare, NeedStatus.Addressed, Utc(4, 10));
        Need(ServiceCategory.PublicBenefit, NeedStatus.Addressed, Utc(5, 20));
        Need(ServiceCategory.Welfare, NeedStatus.SetAside, Utc(6, 15));

        // Plans: 助老's newest approved version (2) counts, not version 1 nor the draft 3; 青少年's overlaps May; 未来's starts in July.
        ServicePlan Plan(ServiceProject project, int version, PlanStatus status, DateOnly start, DateOnly end, params (FundingSource Source, decimal Amount)[] lines)
        {
            var plan = new ServicePlan
            {
                Project = project, VersionNumber = version, StartDate = start, EndDate = end,
                BudgetLines = lines.Select(l => new PlanBudgetLine { Item = "科目", Source = l.Source, Amount = l.Amount }).ToList(),
            };
            db.Plans.Add(plan);
            db.Entry(plan).Property(p => p.Status).CurrentValue = status;
            return plan;
        }
        Plan(elderly, 1, PlanStatus.Approved, new(2024, 1, 1), new(2024, 12, 31), (FundingSource.StateFunding, 1000m));
        Plan(elderly, 2, PlanStatus.Approved, new(2024, 1, 1), new(2024, 12, 31), (FundingSource.StateFunding, 3000m), (FundingSource.Donation, 500m));
        Plan(elderly, 3, PlanStatus.Draft, new(2024, 1, 1), new(2024, 12, 31), (FundingSource.StateFunding, 99999m));
        Plan(youth, 1, PlanStatus.Approved, new(2024, 5, 1), new(2024, 9, 30), (FundingSource.CommunityServiceFund, 700m));
        Plan(future, 1, PlanStatus.Approved, new(2024, 7, 1), new(2024, 9, 30), (FundingSource.StateFunding, 5000m));
        await db.SaveChangesAsync();

        // Spending: state 250.50, donation 100 (on the last day), fund 300; the June expense is outside.
        void Spend(ServiceProject project, FundingSource source, decimal amount, DateOnly on) => db.Expenses.Add(new Expense
        {
            ProjectId = project.Id, BudgetItem = "科目", Source = source, Amount = amount, SpentOn = on, RecordedById = staff, CreatedAt = DateTime.UtcNow,
        });
        Spend(elderly, FundingSource.StateFunding, 250.50m, new(2024, 3, 5));
        Spend(elderly, FundingSource.Donation, 100m, new(2024, 5, 31));
        Spend(elderly, FundingSource.StateFunding, 999m, new(2024, 6, 1));
        Spend(youth, FundingSource.CommunityServiceFund, 300m, new(2024, 4, 1));

        // Services: 5 in the period, 360 minutes, 3 people (张阿姨 by account, 王大爷 and 小明 by name).
        // 2024-03-31 20:00 UTC is 1 April in Beijing: March 1 service (60 min), April 2 (120), May 2 (180).
        ServiceRecord Record(ServiceProject project, DeliveryMode mode, int minutes, DateTime at, string? residentId, string name)
        {
            var record = new ServiceRecord
            {
                ProjectId = project.Id, DeliveryMode = mode, DurationMinutes = minutes, DeliveredAt = at, ResidentId = residentId, RecipientName = name,
                Description = "看板服务", RecordedById = staff, CreatedAt = at,
            };
            db.ServiceRecords.Add(record);
            return record;
        }
        var first = Record(elderly, DeliveryMode.AtHome, 60, Utc(3, 10), resident, "张阿姨");
        Record(elderly, DeliveryMode.AtHome, 30, Utc(3, 31, 20), resident, "张阿姨");
        Record(elderly, DeliveryMode.AtFacility, 90, Utc(4, 15), null, "王大爷");
        Record(elderly, DeliveryMode.AtHome, 45, Utc(6, 5), null, "李奶奶");
        var fifth = Record(youth, DeliveryMode.AtFacility, 120, Utc(5, 2), resident, "张阿姨");
        Record(youth, DeliveryMode.AtFacility, 60, Utc(5, 3), null, "小明");
        await db.SaveChangesAsync();

        // Ratings: March 5 and 3 (avg 4.00, 50%); May 4, 5, 2 (avg 3.67, 66.7%); all 5: avg 3.80, 60%.
        // A person rates a service once: the same service is rated here by different accounts.
        var raters = await db.Users.OrderBy(u => u.UserName).Select(u => u.Id).Take(4).ToListAsync();
        void Rate(ServiceRecord record, int rater, int rating, DateTime at) => db.Feedback.Add(new ServiceFeedback
        {
            ProjectId = record.ProjectId, ServiceRecordId = record.Id, ResidentId = raters[rater], Rating = rating, CreatedAt = at,
        });
        Rate(first, 0, 5, Utc(3, 12));
        Rate(first, 1, 3, Utc(3, 20));
        Rate(fifth, 0, 4, Utc(5, 4));
        Rate(fifth, 1, 5, Utc(5, 5));
        Rate(fifth, 2, 2, Utc(5, 6));
        Rate(fifth, 3, 1, Utc(6, 6));

        // Sessions: 助老 15 March full (6 of 6, 1 waiting, 1 cancelled sign-up), a cancelled one in May; 青少年 20 April full
        // (10 of 10, 2 waiting) and 10 May 5 of 20. Held: March 1, April 1, May 1.
        ServiceSession Session(ServiceProject project, int capacity, int taken, DateTime at, bool cancelled = false)
        {
            var session = new ServiceSession(capacity) { Project = project, Title = "看板场次", StartsAt = at, EndsAt = at.AddHours(2), Place = "活动室", IsCancelled = cancelled, CreatedAt = at };
            db.Sessions.Add(session);
            db.Entry(session).Property(s => s.PlacesTaken).CurrentValue = taken;
            return session;
        }
        void SignUp(ServiceSession session, SignUpStatus status) =>
            db.SignUps.Add(new SignUp { Session = session, ProjectId = session.Project!.Id, Name = "候补居民", Status = status, CreatedAt = session.CreatedAt });
        var march = Session(elderly, 6, 6, Utc(3, 15, 1));
        SignUp(march, SignUpStatus.Waiting);
        SignUp(march, SignUpStatus.Cancelled);
        var april = Session(youth, 10, 10, Utc(4, 20, 1));
        SignUp(april, SignUpStatus.Waiting);
        SignUp(april, SignUpStatus.Waiting);
        Session(youth, 20, 5, Utc(5, 10, 1));
        var cancelled = Session(elderly, 8, 3, Utc(5, 11, 1), cancelled: true);
        SignUp(cancelled, SignUpStatus.Waiting);

        // Volunteer hours: March 120 minutes, April 60; staff on duty and unconfirmed hours do not count.
        void Shift(ServiceSession session, string user, bool isVolunteer, ShiftStatus status, int? minutes) => db.Shifts.Add(new Shift
        {
            Session = session, UserId = user, IsVolunteer = isVolunteer, Status = status, TakenAt = session.CreatedAt, ConfirmedMinutes = minutes, LoggedMinutes = minutes,
        });
        Shift(march, volunteer, true, ShiftStatus.Confirmed, 120);
        Shift(april, volunteer, true, ShiftStatus.Confirmed, 60);
        Shift(april, staff, false, ShiftStatus.Confirmed, 90);
        Shift(march, staff, true, ShiftStatus.Logged, 30);

        // Home visits under 助老 (welfare): asked 3 in the period, 2 of them still open (submitted, accepted); February's is
        // still open too, so 3 are open; July's is outside.
        HomeVisitRequest Visit(DateTime at)
        {
            var request = new HomeVisitRequest
            {
                ProjectId = elderly.Id, Name = "上门居民", Phone = "13800138000", Address = "看板社区 1 号",
                PreferredFrom = DateOnly.FromDateTime(at), PreferredTo = DateOnly.FromDateTime(at).AddDays(7), CreatedAt = at, UpdatedAt = at,
            };
            db.HomeVisitRequests.Add(request);
            return request;
        }
        Visit(Utc(2, 14));
        Visit(Utc(3, 20));
        Visit(Utc(4, 2)).Decline("不在服务范围", Utc(4, 3));
        Visit(Utc(5, 5)).Accept(Utc(5, 6));
        Visit(Utc(7, 1));
        await db.SaveChangesAsync();
        return community.Id;
    }
}
