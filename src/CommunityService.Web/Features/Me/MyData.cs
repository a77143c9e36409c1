using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using CommunityService.Data;
using CommunityService.Data.Catalog;
using CommunityService.Data.Participation;
using CommunityService.Data.Surveys;
using CommunityService.Web.Shared.Security;
using Microsoft.EntityFrameworkCore;

namespace CommunityService.Web.Features.Me;

/// <summary>
/// Everything the portal keeps about one resident, as they may take it away (PIPL art. 45): their account,
/// profile, consents, sign-ups, home-visit requests, survey answers and the services they received.
/// Every query is filtered by the one user id; times are UTC.
/// </summary>
public sealed record MyData(
    DateTime ExportedAt, MyData.AccountData Account, MyData.ProfileData? Profile, List<MyData.ConsentData> Consents, List<MyData.SignUpData> SignUps,
    List<MyData.HomeVisitData> HomeVisits, List<MyData.SurveyResponseData> SurveyResponses, List<MyData.ServiceData> ServicesReceived)
{
    public sealed record AccountData(string? UserName, string DisplayName, string? Email, string? Phone, string? Community, DateTime CreatedAt);

    public sealed record ProfileData(
        string FullName, string Phone, string? Community, string Address, string Household, AgeBand? AgeBand, bool? HasDisability, bool? IsLowIncome,
        DateTime? SensitiveConsentAt, string? SensitiveConsentWording, DateTime UpdatedAt, bool SensitiveFactsUnreadable = false);

    public sealed record ConsentData(DateTime At, string Purpose, bool Given, string WordingVersion, string WordingText);

    public sealed record SignUpData(
        string Project, string Session, DateTime StartsAt, DateTime EndsAt, string Place, string Name, string Phone, string Note, SignUpStatus Status,
        SignUpChannel Channel, DateTime CreatedAt, DateTime? PromotedAt, DateTime? ConfirmedAt, DateTime? CancelledAt);

    public sealed record HomeVisitData(
        string Project, string Name, string Phone, string Address, string Need, DateOnly PreferredFrom, DateOnly PreferredTo, TimeOfDay PreferredTime,
        HomeVisitStatus Status, string DeclineReason, DateTime? ScheduledAt, DateTime CreatedAt, DateTime UpdatedAt, bool NeedUnreadable = false);

    public sealed record SurveyResponseData(string Survey, DateTime SubmittedAt, string? Community, AgeBand? AgeBand, ResponseChannel Channel, List<AnswerData> Answers);

    public sealed record AnswerData(string Question, string Answer);

    public sealed record ServiceData(string Project, DateTime DeliveredAt, DeliveryMode Mode, int DurationMinutes, string Description);

    /// <summary>Readable Chinese in the file (the download is a file, never HTML, so no escaping for a page is needed).</summary>
    public static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(), new UtcDateTimeConverter() },
    };

    public static async Task<MyData?> LoadAsync(
        CommunityServiceDbContext db, ResidentFactsProtector protector, HomeVisitNeedProtector needs, string userId, DateTime now, CancellationToken ct)
    {
        var account = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new AccountData(u.UserName, u.DisplayName, u.Email, u.PhoneNumber, u.Community!.Name, u.CreatedAt))
            .FirstOrDefaultAsync(ct);
        if (account is null)
        {
            return null;
        }
        var stored = await db.ResidentProfiles.AsNoTracking().Where(p => p.UserId == userId)
            .Select(p => new
            {
                Profile = new ProfileData(p.FullName, p.Phone, p.Community!.Name, p.Address, p.Household, null, null, null,
                    p.SensitiveConsentAt, p.SensitiveConsentWording, p.UpdatedAt, false),
                p.ProtectedFacts,
            })
            .FirstOrDefaultAsync(ct);
        var profile = stored is null ? null : WithFacts(stored.Profile, stored.Profile.SensitiveConsentAt is null ? FactsReading.Nothing : protector.Read(stored.ProtectedFacts, userId));
        var consents = await db.ConsentRecords.AsNoTracking().Where(c => c.UserId == userId).OrderBy(c => c.At).ThenBy(c => c.Id)
            .Select(c => new ConsentData(c.At, c.Purpose.ToString(), c.Given, c.WordingVersion, c.WordingText))
            .ToListAsync(ct);
        var signUps = await db.SignUps.AsNoTracking().Where(s => s.ResidentId == userId).OrderBy(s => s.CreatedAt).ThenBy(s => s.Id)
            .Select(s => new SignUpData(s.Session!.Project!.Name, s.Session.Title, s.Session.StartsAt, s.Session.EndsAt, s.Session.Place, s.Name, s.Phone,
                s.Note, s.Status, s.Channel, s.CreatedAt, s.PromotedAt, s.ConfirmedAt, s.CancelledAt))
            .ToListAsync(ct);
        var storedVisits = await db.HomeVisitRequests.AsNoTracking().Where(r => r.ResidentId == userId).OrderBy(r => r.CreatedAt).ThenBy(r => r.Id)
            .Select(r => new
            {
                r.Id,
                Data = new HomeVisitData(r.Project!.Name, r.Name, r.Phone, r.Address, r.ProtectedNeed, r.PreferredFrom, r.PreferredTo, r.PreferredTime,
                    r.Status, r.DeclineReason, r.ScheduledAt, r.CreatedAt, r.UpdatedAt),
            })
            .ToListAsync(ct);
        // The needs are ciphertext: decrypted here; one that cannot be read is exported empty and marked.
        var visits = storedVisits.Select(v => needs.Read(v.Data.Need, v.Id) is { } need
            ? v.Data with { Need = need } : v.Data with { Need = "", NeedUnreadable = true }).ToList();
        var responses = await db.SurveyResponses.AsNoTracking().Where(r => r.RespondentId == userId).OrderBy(r => r.SubmittedAt).ThenBy(r => r.Id)
            .Select(r => new { r.Id, Survey = r.Survey!.Title, r.SubmittedAt, Community = r.Community!.Name, r.AgeBand, r.Channel })
            .ToListAsync(ct);
        var answers = await (
                from a in db.SurveyAnswers
                join r in db.SurveyResponses on a.ResponseId equals r.Id
                join q in db.SurveyQuestions on a.QuestionId equals q.Id
                join o in db.QuestionOptions on a.OptionId equals o.Id into chosen
                from o in chosen.DefaultIfEmpty()
                where r.RespondentId == userId
                orderby q.Order, o.Order, a.Id
                select new { a.ResponseId, Question = q.Text, Option = o.Text, a.Number, a.Text })
            .AsNoTracking().ToListAsync(ct);
        var services = await (
                from s in db.ServiceRecords
                join p in db.Projects on s.ProjectId equals p.Id
                where s.ResidentId == userId
                orderby s.DeliveredAt, s.Id
                select new ServiceData(p.Name, s.DeliveredAt, s.DeliveryMode, s.DurationMinutes, s.Description))
            .AsNoTracking().ToListAsync(ct);

        var byResponse = answers.ToLookup(a => a.ResponseId);
        return new MyData(now, account, profile, consents, signUps, visits,
            responses.Select(r => new SurveyResponseData(r.Survey, r.SubmittedAt, r.Community, r.AgeBand, r.Channel,
                byResponse[r.Id].Select(a => new AnswerData(a.Question, AnswerText(a.Option, a.Number, a.Text))).ToList())).ToList(),
            services);
    }

    private static ProfileData WithFacts(ProfileData profile, FactsReading reading) => profile with
    {
        AgeBand = reading.Facts.AgeBand, HasDisability = reading.Facts.HasDisability, IsLowIncome = reading.Facts.IsLowIncome,
        SensitiveFactsUnreadable = reading.Unreadable,
    };

    /// <summary>An answer as the resident gave it: the chosen option, the number, or the words (with the option for "other").</summary>
    public static string AnswerText(string? option, decimal? number, string? text) =>
        string.Join(" · ", new[] { option, number?.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture), text }.Where(s => !string.IsNullOrEmpty(s)));

    /// <summary>Stored times are UTC without a kind (SQLite); the file says so with a Z.</summary>
    private sealed class UtcDateTimeConverter : JsonConverter<DateTime>
    {
        public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.GetDateTime().ToUniversalTime();

        public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) =>
            writer.WriteStringValue(DateTime.SpecifyKind(value, DateTimeKind.Utc));
    }
}
