using CommunityService.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CommunityService.IntegrationTests.Security;

/// <summary>
/// Who may use what: every endpoint, its sample address, and the outcome for each role, in the order
/// anonymous, resident, volunteer, staff, manager, admin. Outcomes: a status code; L = sent to sign in;
/// D = access denied; A = allowed (a POST with an empty form gets past authorization: anything but L, D or 403).
/// </summary>
public static class RoleMatrix
{
    public static readonly string?[] Users = [null, "resident", "volunteer", "staff", "manager", "admin"];

    public sealed record Row(string Method, string Route, string Sample, string Outcomes)
    {
        public string[] Expected => Outcomes.Split(' ');

        public override string ToString() => $"{Method} {Sample}";
    }

    private const string Public = "200 200 200 200 200 200";
    private const string SignedIn = "L 200 200 200 200 200";
    private const string StaffPage = "L D D 200 200 D";
    private const string AdminPage = "L D D D D 200";
    private const string AnyonePost = "A A A A A A";
    private const string SignedInPost = "L A A A A A";
    private const string StaffPost = "L D D A A D";
    private const string ManagerPost = "L D D D A D";
    private const string AdminPost = "L D D D D A";

    /// <summary>
    /// Fills a row's sample: {staff}, {resident} and {volunteer} with the demo users' ids, {expense} and {income} with an expense of
    /// 残疾人康复上门服务 and fee income of 青少年暑期托管 that it adds, whatever the demo data holds.
    /// </summary>
    public static async Task<Func<string, string>> SampleFillerAsync(PortalFactory portal)
    {
        var users = await portal.WithDbAsync(db => db.Users.Where(u => u.UserName == "staff" || u.UserName == "resident" || u.UserName == "volunteer")
            .ToDictionaryAsync(u => u.UserName!, u => u.Id));
        var (expense, income) = await portal.WithDbAsync(async db =>
        {
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            var expense = new Data.Money.Expense
            {
                ProjectId = 2, BudgetItem = "物资与耗材", Source = Data.Plans.FundingSource.StateFunding, Amount = 10m, SpentOn = today, RecordedById = users["staff"], CreatedAt = DateTime.UtcNow,
            };
            var income = new Data.Money.FeeIncome { ProjectId = 3, Amount = 300m, ReceivedOn = today, Payer = "家长", RecordedById = users["staff"], CreatedAt = DateTime.UtcNow };
            db.Add(expense);
            db.Add(income);
            await db.SaveChangesAsync();
            return (expense.Id, income.Id);
        });
        return sample => sample
            .Replace("{staff}", users["staff"], StringComparison.Ordinal).Replace("{resident}", users["resident"], StringComparison.Ordinal)
            .Replace("{volunteer}", users["volunteer"], StringComparison.Ordinal)
            .Replace("{expense}", expense.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{income}", income.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    /// <summary>Routes the matrix does not list: the catch-all 404 (checked on its own).</summary>
    public static readonly HashSet<string> Unlisted = ["/{*path:nonfile}"];

    // Samples leave the shared signed-in sessions as they were (Chinese, standard text): later tests reuse them.
    public static readonly Row[] Rows =
    [
        new("GET", "/", "/", Public),
        new("GET", "/services", "/services", Public),
        new("GET", "/culture", "/culture?c=zh-CN&returnUrl=%2Fnotices", "302 302 302 302 302 302"),
        new("GET", "/display", "/display?large=false&returnUrl=%2F", "302 302 302 302 302 302"),
        new("GET", "/notices", "/notices?q=%E6%9C%8D%E5%8A%A1", Public),
        new("GET", "/notices/{id:int}", "/notices/3", Public),
        new("GET", "/notices/{id:int}/poster", "/notices/3/poster", Public),
        new("GET", "/notices/{id:int}/flyer", "/notices/3/flyer", Public),
        // 青少年暑期托管: notice 3, sessions 1 (a course with places) and 2 (a full parents' meeting).
        new("GET", "/notices/{id:int}/signup", "/notices/3/signup?session=2", "L 200 200 D D D"),
        new("GET", "/notices/{id:int}/manage", "/notices/3/manage", StaffPage),
        new("GET", "/notices/{id:int}/edit", "/notices/3/edit", StaffPage),
        new("GET", "/projects/{projectId:int}/sessions", "/projects/3/sessions", StaffPage),
        new("GET", "/sessions/{id:int}", "/sessions/2", StaffPage),
        new("GET", "/sessions/{id:int}/check-in", "/sessions/2/check-in", StaffPage),
        new("GET", "/tasks", "/tasks", StaffPage),
        new("GET", "/projects/{projectId:int}/progress", "/projects/2/progress", StaffPage),
        new("GET", "/projects/{projectId:int}/feedback", "/projects/1/feedback", StaffPage),
        // Record 1 is not the demo resident's: a resident reaches the form only for services she received.
        new("GET", "/me/services/{id:int}/feedback", "/me/services/1/feedback", "L 404 404 D D D"),
        new("GET", "/projects/{projectId:int}/tasks", "/projects/2/tasks", StaffPage),
        new("GET", "/projects/{projectId:int}/records", "/projects/2/records?mode=AtHome&page=1", StaffPage),
        new("ANY", "/error/{code:int?}", "/error/404", "404 404 404 404 404 404"),
        new("ANY", "/health/live", "/health/live", Public),
        new("ANY", "/health/ready", "/health/ready", Public),
        new("GET", "/account/login", "/account/login", Public),
        new("GET", "/account/register", "/account/register", Public),
        new("GET", "/account/password", "/account/password", SignedIn),
        new("GET", "/account/access-denied", "/account/access-denied", "403 403 403 403 403 403"),
        new("GET", "/projects", "/projects?stage=Plan&page=1", StaffPage),
        new("GET", "/projects/{id:int}", "/projects/1", StaffPage),
        new("GET", "/projects/create", "/projects/create", StaffPage),
        new("GET", "/projects/{id:int}/edit", "/projects/4/edit", StaffPage),
        // 老年人智能手机课堂 (阳光社区) waits for its decision: `resident` represents 阳光社区, `volunteer` represents no one.
        new("GET", "/projects/{id:int}/decision", "/projects/13/decision", "L 200 D 200 200 D"),
        new("GET", "/projects/{projectId:int}/notices/create", "/projects/3/notices/create", StaffPage),
        new("GET", "/projects/{projectId:int}/plan/edit", "/projects/4/plan/edit", StaffPage),
        new("GET", "/projects/{projectId:int}/plan", "/projects/2/plan?version=2&compare=1", StaffPage),
        new("GET", "/projects/{projectId:int}/plan/print", "/projects/2/plan/print?version=1", StaffPage),
        new("GET", "/projects/{projectId:int}/records/create", "/projects/2/records/create", StaffPage),
        new("GET", "/projects/{projectId:int}/evaluations/create", "/projects/7/evaluations/create", StaffPage),
        new("GET", "/surveys", "/surveys?status=Open", StaffPage),
        new("GET", "/surveys/create", "/surveys/create", StaffPage),
        new("GET", "/surveys/{id:int}", "/surveys/1", StaffPage),
        new("GET", "/surveys/{id:int}/edit", "/surveys/1/edit", StaffPage),
        new("GET", "/surveys/{id:int}/questions/{questionId:int}/edit", "/surveys/2/questions/8/edit", StaffPage),
        new("GET", "/surveys/{id:int}/respond", "/surveys/2/respond", Public),
        new("GET", "/surveys/{id:int}/entry", "/surveys/2/entry", StaffPage),
        new("GET", "/surveys/{id:int}/results", "/surveys/1/results?ageBand=From60To79", StaffPage),
        new("GET", "/surveys/{id:int}/results/export.xlsx", "/surveys/1/results/export.xlsx", StaffPage),
        new("GET", "/surveys/{id:int}/results/export.csv", "/surveys/1/results/export.csv?channel=Paper", StaffPage),
        new("GET", "/needs", "/needs?status=Open", StaffPage),
        new("GET", "/needs/create", "/needs/create?surveyId=1", StaffPage),
        new("GET", "/needs/propose", "/needs/propose?ids=1&ids=2", StaffPage),
        new("GET", "/communities", "/communities", StaffPage),
        new("GET", "/communities/{id:int}/profile", "/communities/1/profile?version=1", StaffPage),
        new("GET", "/communities/{id:int}/profile/edit", "/communities/1/profile/edit", StaffPage),
        new("GET", "/representatives", "/representatives?community=1&only=true&page=1", StaffPage),
        new("GET", "/reviews", "/reviews", "L D D D 200 D"),
        new("GET", "/admin/users", "/admin/users", AdminPage),
        new("GET", "/admin/users/create", "/admin/users/create", AdminPage),
        new("GET", "/admin/users/{id}/edit", "/admin/users/{staff}/edit", AdminPage),
        new("GET", "/admin/communities", "/admin/communities", AdminPage),
        new("GET", "/admin/communities/create", "/admin/communities/create", AdminPage),
        new("GET", "/admin/communities/{id:int}/edit", "/admin/communities/1/edit", AdminPage),
        new("GET", "/admin/service-types", "/admin/service-types", AdminPage),
        new("GET", "/admin/service-types/create", "/admin/service-types/create", AdminPage),
        new("GET", "/admin/service-types/{id:int}/edit", "/admin/service-types/1/edit", AdminPage),

        new("POST", "/account/login", "/account/login", AnyonePost),
        new("POST", "/account/register", "/account/register", AnyonePost),
        new("POST", "/account/password", "/account/password", SignedInPost),
        new("POST", "/projects/create", "/projects/create", StaffPost),
        new("POST", "/projects/{id:int}/edit", "/projects/4/edit", StaffPost),
        new("POST", "/projects/{id:int}/needs", "/projects/6/needs", StaffPost),
        new("POST", "/projects/{id:int}/advance", "/projects/6/advance", StaffPost),
        new("POST", "/projects/{id:int}/decide", "/projects/5/decide", ManagerPost),
        new("POST", "/projects/{id:int}/cancel", "/projects/5/cancel", ManagerPost),
        new("POST", "/projects/{id:int}/decision/opinion", "/projects/13/decision/opinion", "L A D D D D"),
        new("POST", "/projects/{id:int}/decision/meeting-opinion", "/projects/5/decision/meeting-opinion", StaffPost),
        new("POST", "/projects/{projectId:int}/notices/create", "/projects/3/notices/create", StaffPost),
        new("POST", "/notices/{id:int}/publish", "/notices/1/publish", StaffPost),
        new("POST", "/notices/{id:int}/edit", "/notices/3/edit", StaffPost),
        new("POST", "/notices/{id:int}/withdraw", "/notices/1/withdraw", StaffPost),
        new("POST", "/notices/{id:int}/channels", "/notices/3/channels", StaffPost),
        new("POST", "/notices/{id:int}/signup", "/notices/3/signup?session=1", "L A A D D D"),
        // Sign-up 7 is 钱先生's (no account), waiting for the parents' meeting: only the community's staff may cancel it.
        new("POST", "/signups/{id:int}/cancel", "/signups/7/cancel", "L 404 404 A A 404"),
        new("POST", "/signups/{id:int}/confirm", "/signups/2/confirm", StaffPost),
        new("POST", "/projects/{projectId:int}/sessions", "/projects/3/sessions", StaffPost),
        new("POST", "/sessions/{id:int}/signups", "/sessions/2/signups", StaffPost),
        new("POST", "/sessions/{id:int}/capacity", "/sessions/2/capacity", StaffPost),
        new("POST", "/signups/{id:int}/check-in", "/signups/5/check-in", StaffPost),
        new("POST", "/sessions/{id:int}/walk-ins", "/sessions/2/walk-ins", StaffPost),
        new("POST", "/sessions/{id:int}/records", "/sessions/2/records", StaffPost),
        new("POST", "/projects/{projectId:int}/tasks", "/projects/2/tasks", StaffPost),
        new("POST", "/tasks/{id:int}/status", "/tasks/1/status", StaffPost),
        new("POST", "/projects/{projectId:int}/progress", "/projects/2/progress", StaffPost),
        new("POST", "/me/services/{id:int}/feedback", "/me/services/1/feedback", "L 404 404 D D D"),
        new("POST", "/projects/{projectId:int}/plan/edit", "/projects/4/plan/edit", StaffPost),
        new("POST", "/projects/{projectId:int}/plan/submit", "/projects/4/plan/submit", StaffPost),
        new("POST", "/projects/{projectId:int}/plan/revise", "/projects/7/plan/revise", StaffPost),
        new("POST", "/projects/{projectId:int}/plan/review", "/projects/12/plan/review", ManagerPost),
        new("POST", "/projects/{projectId:int}/records/create", "/projects/2/records/create", StaffPost),
        new("POST", "/projects/{projectId:int}/evaluations/create", "/projects/7/evaluations/create", StaffPost),
        new("POST", "/evaluations/{id:int}/submit", "/evaluations/1/submit", StaffPost),
        new("POST", "/evaluations/{id:int}/review", "/evaluations/1/review", ManagerPost),
        new("POST", "/surveys/create", "/surveys/create", StaffPost),
        new("POST", "/surveys/{id:int}/edit", "/surveys/1/edit", StaffPost),
        new("POST", "/surveys/{id:int}/questions", "/surveys/2/questions", StaffPost),
        new("POST", "/surveys/{id:int}/questions/{questionId:int}/edit", "/surveys/2/questions/8/edit", StaffPost),
        new("POST", "/surveys/{id:int}/questions/{questionId:int}/move", "/surveys/2/questions/9/move", StaffPost),
        new("POST", "/surveys/{id:int}/questions/{questionId:int}/remove", "/surveys/2/questions/12/remove", StaffPost),
        new("POST", "/surveys/{id:int}/notes", "/surveys/1/notes", StaffPost),
        new("POST", "/surveys/{id:int}/respond", "/surveys/2/respond", AnyonePost),
        new("POST", "/surveys/{id:int}/entry", "/surveys/2/entry", StaffPost),
        new("POST", "/surveys/{id:int}/new-version", "/surveys/1/new-version", StaffPost),
        new("POST", "/surveys/{id:int}/open", "/surveys/1/open", StaffPost),
        new("POST", "/surveys/{id:int}/close", "/surveys/2/close", StaffPost),
        new("POST", "/needs/create", "/needs/create", StaffPost),
        new("POST", "/needs/{id:int}/set-aside", "/needs/3/set-aside", StaffPost),
        new("POST", "/needs/{id:int}/reopen", "/needs/3/reopen", StaffPost),
        new("POST", "/needs/propose", "/needs/propose", StaffPost),
        new("POST", "/communities/{id:int}/profile/edit", "/communities/1/profile/edit", StaffPost),
        new("POST", "/representatives/{userId}", "/representatives/{staff}", StaffPost),
        new("POST", "/admin/users/create", "/admin/users/create", AdminPost),
        new("POST", "/admin/users/{id}/edit", "/admin/users/{staff}/edit", AdminPost),
        new("POST", "/admin/communities/create", "/admin/communities/create", AdminPost),
        new("POST", "/admin/communities/{id:int}/edit", "/admin/communities/1/edit", AdminPost),
        new("POST", "/admin/service-types/create", "/admin/service-types/create", AdminPost),
        new("POST", "/admin/service-types/{id:int}/edit", "/admin/service-types/1/edit", AdminPost),
        // Home visits (GET and POST rows together: the POSTs must come before the logout below). `resident` owns request 1;
        // 2 is submitted and 3 accepted, both under 残疾人康复上门服务 (project 2); notice 7 announces 物业维修便民服务 (at home).
        new("GET", "/notices/{id:int}/home-visit", "/notices/7/home-visit", "L 200 200 D D D"),
        new("GET", "/projects/{projectId:int}/home-visits", "/projects/2/home-visits?status=Submitted&page=1", StaffPage),
        new("GET", "/projects/{projectId:int}/home-visits/create", "/projects/2/home-visits/create", StaffPage),
        new("GET", "/home-visits/{id:int}", "/home-visits/2", StaffPage),
        new("POST", "/notices/{id:int}/home-visit", "/notices/7/home-visit", "L A A D D D"),
        new("POST", "/home-visits/{id:int}/cancel", "/home-visits/1/cancel", "L A A D D D"),
        new("POST", "/projects/{projectId:int}/home-visits/create", "/projects/2/home-visits/create", StaffPost),
        new("POST", "/home-visits/{id:int}/accept", "/home-visits/2/accept", StaffPost),
        new("POST", "/home-visits/{id:int}/decline", "/home-visits/3/decline", StaffPost),
        new("POST", "/home-visits/{id:int}/schedule", "/home-visits/3/schedule", StaffPost),
        // Residents' own pages: a page of one's own for residents and volunteers (staff, managers and admins are not residents);
        // a resident's profile for staff. Empty posts change nothing: a name is required, consent and withdrawal each need a ticked box.
        new("GET", "/me", "/me", "L 200 200 D D D"),
        new("GET", "/me/profile", "/me/profile", "L 200 200 D D D"),
        new("GET", "/me/data", "/me/data", "L 200 200 D D D"),
        new("GET", "/residents/{userId}", "/residents/{resident}", StaffPage),
        new("POST", "/me/profile", "/me/profile", "L 400 400 D D D"),
        new("POST", "/me/consent", "/me/consent", "L 400 400 D D D"),
        new("POST", "/me/consent/withdraw", "/me/consent/withdraw", "L 400 400 D D D"),
        // Case files (confidential): demo files 1 and 2 are assigned to `staff`. Anyone else signed in who may not open a file gets 404 on
        // every route with its id, as for an id that does not exist; the worker (not a manager) is refused the assignment of workers.
        // The list and new files are staff pages; the audit trail is for managers.
        new("GET", "/cases", "/cases?status=Open&page=1", StaffPage),
        new("GET", "/cases/{id:int}", "/cases/1?page=1", "L 404 404 200 200 404"),
        new("GET", "/cases/{id:int}/edit", "/cases/1/edit", "L 404 404 200 200 404"),
        new("GET", "/cases/{id:int}/export", "/cases/2/export", "L 404 404 200 200 404"),
        new("GET", "/projects/{projectId:int}/cases/create", "/projects/2/cases/create", StaffPage),
        new("GET", "/audit", "/audit?type=CaseFile&result=Denied&page=1", "L D D D 200 D"),
        new("POST", "/projects/{projectId:int}/cases/create", "/projects/2/cases/create", StaffPost),
        new("POST", "/cases/{id:int}/edit", "/cases/1/edit", "L 404 404 A A 404"),
        new("POST", "/cases/{id:int}/notes", "/cases/1/notes", "L 404 404 A A 404"),
        new("POST", "/cases/{id:int}/close", "/cases/2/close", "L 404 404 A A 404"),
        new("POST", "/cases/{id:int}/workers", "/cases/1/workers", "L 404 404 D A 404"),
        // Volunteering: the volunteer's own pages for the Volunteer role only (`resident` is no volunteer); staff pages.
        // 社区夜间巡逻志愿队 is project 8 with patrol sessions 3–6 (past) and 7–8 (coming); the demo volunteer's shifts are 1–4:
        // 4 is taken on a past patrol (too late to cancel, an empty log is refused), 3 is logged (an empty confirm clashes).
        new("GET", "/volunteer", "/volunteer", "L D 200 D D D"),
        new("GET", "/volunteer/profile", "/volunteer/profile", "L D 200 D D D"),
        new("GET", "/volunteer/hours/print", "/volunteer/hours/print?from=2020-01-01", "L D 200 D D D"),
        new("GET", "/volunteers", "/volunteers?community=2&page=1", StaffPage),
        new("GET", "/volunteers/export.xlsx", "/volunteers/export.xlsx?project=8", StaffPage),
        new("GET", "/volunteers/{userId}", "/volunteers/{volunteer}", StaffPage),
        new("GET", "/projects/{projectId:int}/shifts", "/projects/8/shifts", StaffPage),
        new("POST", "/volunteer/profile", "/volunteer/profile", "L D 400 D D D"),
        new("POST", "/volunteer/shifts/{sessionId:int}/take", "/volunteer/shifts/8/take", "L D A D D D"),
        new("POST", "/volunteer/shifts/{id:int}/cancel", "/volunteer/shifts/4/cancel", "L D 400 D D D"),
        new("POST", "/volunteer/shifts/{id:int}/log", "/volunteer/shifts/4/log", "L D 400 D D D"),
        new("POST", "/shifts/{id:int}/confirm", "/shifts/3/confirm", StaffPost),
        new("POST", "/projects/{projectId:int}/shifts", "/projects/8/shifts", StaffPost),
        new("POST", "/sessions/{id:int}/volunteers-needed", "/sessions/7/volunteers-needed", StaffPost),
        // Adjustments: 残疾人康复上门服务 (project 2, 和平社区) runs under an approved plan; adjustment 1 is 长者日间照料's recorded
        // schedule change (demo). Empty posts change nothing: nothing ticked, no version given.
        new("GET", "/projects/{projectId:int}/adjustments", "/projects/2/adjustments?page=1", StaffPage),
        new("GET", "/adjustments/{id:int}", "/adjustments/1", StaffPage),
        new("POST", "/projects/{projectId:int}/adjustments", "/projects/2/adjustments", StaffPost),
        new("POST", "/adjustments/{id:int}/submit", "/adjustments/1/submit", StaffPost),
        new("POST", "/adjustments/{id:int}/withdraw", "/adjustments/1/withdraw", StaffPost),
        new("POST", "/adjustments/{id:int}/review", "/adjustments/1/review", ManagerPost),
        // Money: 残疾人康复上门服务 (project 2) spends against its approved plan version 2 (a free service); 青少年暑期托管 (project 3) is
        // low-cost and may take fees. {expense} (project 2) and {income} (project 3) are added by the test. An empty post changes nothing
        // but the deletes: those run last of the money rows.
        new("GET", "/projects/{projectId:int}/money", "/projects/2/money", StaffPage),
        new("GET", "/projects/{projectId:int}/money/export", "/projects/2/money/export", StaffPage),
        new("GET", "/projects/{projectId:int}/money/expenses/create", "/projects/2/money/expenses/create", StaffPage),
        new("GET", "/expenses/{id:int}/edit", "/expenses/{expense}/edit", StaffPage),
        new("GET", "/projects/{projectId:int}/money/income/create", "/projects/3/money/income/create", StaffPage),
        new("POST", "/projects/{projectId:int}/money/expenses/create", "/projects/2/money/expenses/create", StaffPost),
        new("POST", "/expenses/{id:int}/edit", "/expenses/{expense}/edit", StaffPost),
        new("POST", "/projects/{projectId:int}/money/income/create", "/projects/3/money/income/create", StaffPost),
        new("POST", "/expenses/{id:int}/delete", "/expenses/{expense}/delete", StaffPost),
        new("POST", "/fee-income/{id:int}/delete", "/fee-income/{income}/delete", StaffPost),
        // Dashboard: managers only; the export is one table, or every table a sheet each.
        new("GET", "/dashboard", "/dashboard?from=2025-01-01&to=2025-12-31&community=1&category=Welfare", "L D D D 200 D"),
        new("GET", "/dashboard/export", "/dashboard/export?table=needs&from=2025-01-01&to=2025-12-31", "L D D D 200 D"),
        // Evaluations: 慢性病健康讲座 (project 7) has its final report submitted (evaluation 2); evaluation 1 is 老年人助餐服务's approved final
        // report, 5 长者日间照料's draft process evaluation. An empty edit lacks the means (400); correcting 1 starts a correction once,
        // then says one is in progress (400).
        new("GET", "/projects/{projectId:int}/evaluations", "/projects/7/evaluations", StaffPage),
        new("GET", "/evaluations/{id:int}", "/evaluations/2", StaffPage),
        new("GET", "/evaluations/{id:int}/edit", "/evaluations/5/edit", StaffPage),
        new("GET", "/evaluations/{id:int}/print", "/evaluations/2/print", StaffPage),
        new("GET", "/evaluations/{id:int}/export", "/evaluations/2/export", StaffPage),
        new("POST", "/evaluations/{id:int}/edit", "/evaluations/5/edit", StaffPost),
        new("POST", "/evaluations/{id:int}/correct", "/evaluations/1/correct", StaffPost),
        // Trace: from need 4 (老年人助餐服务's need, 阳光社区) down to its verdicts, and from evaluation 1 (its approved final report) back.
        new("GET", "/trace/needs/{id:int}", "/trace/needs/4", StaffPage),
        new("GET", "/trace/evaluations/{id:int}", "/trace/evaluations/1", StaffPage),
        // Satisfaction questionnaires: 慢性病健康讲座 (project 7, Evaluation) starts one from the template; the second post finds it in
        // progress (400).
        new("POST", "/projects/{projectId:int}/satisfaction", "/projects/7/satisfaction", StaffPost),
        // Privacy requests: request 1 is 刘建国's open correction (和平社区), 2 周玉梅's completed deletion. Residents and volunteers have a
        // page of their own; nobody else's request is theirs to withdraw (404). An empty completion lacks the words of a correction,
        // an empty rejection its reason (400); an empty request says nothing (400).
        new("GET", "/me/privacy", "/me/privacy", "L 200 200 D D D"),
        new("GET", "/privacy-requests", "/privacy-requests?status=Open&page=1", StaffPage),
        new("GET", "/privacy-requests/{id:int}", "/privacy-requests/1", StaffPage),
        new("POST", "/me/privacy", "/me/privacy", "L 400 400 D D D"),
        new("POST", "/privacy-requests/{id:int}/withdraw", "/privacy-requests/1/withdraw", "L 404 404 D D D"),
        new("POST", "/privacy-requests/{id:int}/complete", "/privacy-requests/1/complete", "L D D 400 400 D"),
        new("POST", "/privacy-requests/{id:int}/reject", "/privacy-requests/1/reject", "L D D 400 400 D"),
        // Last: it ends the session of the client that posts it.
        new("POST", "/account/logout", "/account/logout", SignedInPost),
    ];
}
