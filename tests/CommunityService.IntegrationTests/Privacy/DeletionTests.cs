using System.Net;
using CommunityService.Data.Execution;
using CommunityService.Data.Privacy;
using CommunityService.IntegrationTests.Infrastructure;
using CommunityService.Web.Features.Privacy;
using Microsoft.EntityFrameworkCore;

namespace CommunityService.IntegrationTests.Privacy;

/// <summary>
/// 张阿姨 asks to be deleted and staff complete it: her account becomes an anonymous placeholder, her profile goes, and
/// every row kept for statistics keeps its numbers but loses her name, phone, address and words.
/// </summary>
public class DeletionTests(PortalFactory portal) : PortalTest(portal)
{
    private const string Name = "张阿姨";
    private const string Phone = "138 0013 8000";
    private const string Comment = "午饭很好吃，谢谢王师傅";

    /// <summary>A rating with a comment, a sign-up by phone and an opinion as a representative, so her words and number have somewhere to be erased from.</summary>
    private async Task<string> GiveHerMoreDataAsync()
    {
        var id = await PrivacyData.UserIdAsync(Portal, "resident");
        await Portal.WithDbAsync(async db =>
        {
            var record = await db.ServiceRecords.Where(r => r.ResidentId == id).OrderBy(r => r.Id).FirstAsync();
            db.Feedback.Add(new ServiceFeedback { ProjectId = record.ProjectId, ServiceRecordId = record.Id, ResidentId = id, Rating = 5, Comment = Comment, CreatedAt = DateTime.UtcNow });
            var session = await db.Sessions.OrderBy(s => s.Id).FirstAsync();
            db.SignUps.Add(new Data.Participation.SignUp
            {
                SessionId = session.Id, ProjectId = session.ProjectId, ResidentId = id, Name = Name, Phone = Phone, Note = "坐轮椅", Channel = Data.Participation.SignUpChannel.Phone,
                Status = Data.Participation.SignUpStatus.Waiting, CreatedAt = DateTime.UtcNow,
            });
            db.Opinions.Add(new Data.Decisions.ProjectOpinion
            {
                ProjectId = session.ProjectId, Source = Data.Decisions.OpinionSource.Online, GivenById = id, SpeakerName = Name, Stance = Data.Decisions.OpinionStance.Support,
                Comment = "支持", At = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        });
        return id;
    }

    private async Task<(string Id, int Request)> DeleteResidentAsync()
    {
        var id = await PrivacyData.UserIdAsync(Portal, "resident");
        var resident = await PrivacyData.FreshClientAsync(Portal, "resident");
        var asked = await resident.PostFormAsync("/me/privacy", "/me/privacy", new() { ["Kind"] = "Deletion", ["Details"] = "我要搬走了", ["Understood"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        var request = await Portal.WithDbAsync(db => db.PrivacyRequests.Where(r => r.ResidentId == id).Select(r => r.Id).SingleAsync());
        var staff = await Portal.ClientForAsync("staff");
        var unticked = await staff.SubmitFormAsync($"/privacy-requests/{request}", $"/privacy-requests/{request}/complete");
        Assert.Equal(HttpStatusCode.BadRequest, unticked.StatusCode);
        var done = await staff.SubmitFormAsync($"/privacy-requests/{request}", $"/privacy-requests/{request}/complete", new() { ["Confirm"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        return (id, request);
    }

    [Fact]
    public async Task The_account_becomes_a_closed_placeholder_and_the_profile_is_gone()
    {
        await GiveHerMoreDataAsync();
        var (id, _) = await DeleteResidentAsync();

        var user = await Portal.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == id));
        Assert.Equal(ResidentAnonymizer.PlaceholderFor(id), user.DisplayName);
        Assert.StartsWith("已注销居民 #", user.DisplayName);
        Assert.Equal("deleted-" + id, user.UserName);
        Assert.Null(user.Email);
        Assert.Null(user.PhoneNumber);
        Assert.Null(user.PasswordHash);
        Assert.True(user.IsDisabled);
        Assert.False(user.IsRepresentative);
        Assert.True(user.LockoutEnd > DateTimeOffset.UtcNow.AddYears(100));
        Assert.False(await Portal.WithDbAsync(db => db.ResidentProfiles.AnyAsync(p => p.UserId == id)));
        var signIn = await Portal.CreateAnonymousClient().PostFormAsync("/account/login", "/account/login", new() { ["UserName"] = "resident", ["Password"] = "Demo@12345" });
        Assert.NotEqual(HttpStatusCode.Redirect, signIn.StatusCode);
    }

    [Fact]
    public async Task Rows_kept_for_statistics_keep_their_numbers_but_lose_name_phone_and_words()
    {
        var id = await GiveHerMoreDataAsync();
        var before = await Portal.WithDbAsync(async db => new
        {
            SignUps = await db.SignUps.Where(s => s.ResidentId == id).Select(s => new { s.Id, s.Status, s.CheckedInAt }).OrderBy(s => s.Id).ToListAsync(),
            Visits = await db.HomeVisitRequests.Where(r => r.ResidentId == id).Select(r => new { r.Id, r.Status }).OrderBy(r => r.Id).ToListAsync(),
            Records = await db.ServiceRecords.Where(r => r.ResidentId == id).Select(r => new { r.Id, r.DeliveredAt, r.DurationMinutes }).OrderBy(r => r.Id).ToListAsync(),
            Consents = await db.ConsentRecords.Where(c => c.UserId == id).Select(c => new { c.Id, c.At, c.WordingVersion, c.Given }).OrderBy(c => c.Id).ToListAsync(),
            Opinions = await db.Opinions.Where(o => o.GivenById == id).Select(o => o.Id).ToListAsync(),
        });
        Assert.NotEmpty(before.SignUps);
        Assert.NotEmpty(before.Visits);
        Assert.NotEmpty(before.Records);
        Assert.NotEmpty(before.Consents);
        Assert.NotEmpty(before.Opinions);

        await DeleteResidentAsync();

        var placeholder = ResidentAnonymizer.PlaceholderFor(id);
        await Portal.WithDbAsync(async db =>
        {
            var signUps = await db.SignUps.AsNoTracking().Where(s => s.ResidentId == id).OrderBy(s => s.Id).ToListAsync();
            Assert.Equal(before.SignUps, signUps.Select(s => new { s.Id, s.Status, s.CheckedInAt }));
            Assert.All(signUps, s => Assert.Equal((placeholder, "", ""), (s.Name, s.Phone, s.Note)));

            var visits = await db.HomeVisitRequests.AsNoTracking().Where(r => r.ResidentId == id).OrderBy(r => r.Id).ToListAsync();
            Assert.Equal(before.Visits, visits.Select(r => new { r.Id, r.Status }));
            Assert.All(visits, r => Assert.Equal((placeholder, "", "", "", ""), (r.Name, r.Phone, r.Address, r.ProtectedNeed, r.DeclineReason)));

            var records = await db.ServiceRecords.AsNoTracking().Where(r => r.ResidentId == id).OrderBy(r => r.Id).ToListAsync();
            Assert.Equal(before.Records, records.Select(r => new { r.Id, r.DeliveredAt, r.DurationMinutes }));
            Assert.All(records, r => Assert.Equal((placeholder, ""), (r.RecipientName, r.Notes)));

            var feedback = await db.Feedback.AsNoTracking().Where(f => f.ResidentId == id).ToListAsync();
            Assert.Contains(feedback, f => f.Rating == 5);
            Assert.All(feedback, f => Assert.Equal("", f.Comment));

            var consents = await db.ConsentRecords.AsNoTracking().Where(c => c.UserId == id).OrderBy(c => c.Id).ToListAsync();
            Assert.Equal(before.Consents, consents.Select(c => new { c.Id, c.At, c.WordingVersion, c.Given }));

            Assert.All(await db.Opinions.AsNoTracking().Where(o => o.GivenById == id).ToListAsync(), o => Assert.Equal(placeholder, o.SpeakerName));
            var request = await db.PrivacyRequests.AsNoTracking().SingleAsync(r => r.ResidentId == id);
            Assert.Equal((PrivacyRequestStatus.Completed, ""), (request.Status, request.Details));

            // Nothing that names her is left in the rows that were hers, nor in the trail.
            Assert.False(await db.SignUps.AnyAsync(s => s.ResidentId == id && (s.Name.Contains(Name) || s.Phone == Phone)));
            Assert.False(await db.Feedback.AnyAsync(f => f.Comment == Comment));
            Assert.False(await db.AuditEntries.AnyAsync(a => a.ActorName == Name || a.ActorName == "resident" || a.Detail.Contains(Name)));
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "DataAnonymized" && a.RecordId == id && a.ActorName == "李社工"));
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "PrivacyRequested" && a.ActorId == id && a.ActorName == placeholder));
        });
    }

    [Fact]
    public async Task The_dashboard_shows_the_same_figures_before_and_after()
    {
        await GiveHerMoreDataAsync();
        var before = await PrivacyData.DashboardFiguresAsync(Portal);

        await DeleteResidentAsync();

        Assert.Equal(before, await PrivacyData.DashboardFiguresAsync(Portal));
    }

    [Fact]
    public async Task The_demo_holds_one_open_correction_and_one_completed_deletion()
    {
        var requests = await Portal.WithDbAsync(db => db.PrivacyRequests.AsNoTracking().OrderBy(r => r.Id)
            .Select(r => new { r.Kind, r.Status, Name = db.Users.Where(u => u.Id == r.ResidentId).Select(u => u.DisplayName).Single() }).ToListAsync());

        Assert.Equal(2, requests.Count);
        Assert.Equal((PrivacyRequestKind.Correction, PrivacyRequestStatus.Open, "刘建国"), (requests[0].Kind, requests[0].Status, requests[0].Name));
        Assert.Equal((PrivacyRequestKind.Deletion, PrivacyRequestStatus.Completed), (requests[1].Kind, requests[1].Status));
        Assert.StartsWith("已注销居民 #", requests[1].Name);
        Assert.False(await Portal.WithDbAsync(db => db.Users.AnyAsync(u => u.DisplayName == "周玉梅" || u.UserName == "zhouyumei")));
    }
}
