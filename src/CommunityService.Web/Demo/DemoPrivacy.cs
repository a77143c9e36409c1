using CommunityService.Data;
using CommunityService.Data.Auditing;
using CommunityService.Data.Identity;
using CommunityService.Data.Privacy;
using CommunityService.Data.Residents;
using CommunityService.Web.Features.Me;
using CommunityService.Web.Features.Privacy;
using CommunityService.Web.Shared.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CommunityService.Web.Demo;

/// <summary>
/// Requests about personal data: 刘建国 (和平社区) waits for a correction of his address; 周玉梅 (青石社区) asked to be
/// deleted three weeks ago and 李社工 completed it, so her account is an anonymous placeholder and her consent record
/// keeps only its time and wording version.
/// </summary>
public static class DemoPrivacy
{
    public const string DeletedUserName = "zhouyumei";

    public static async Task AddAsync(CommunityServiceDbContext db, UserManager<ApplicationUser> users, DateTime now, CancellationToken ct)
    {
        var staff = await db.Users.Where(u => u.UserName == "staff").Select(u => new { u.Id, u.DisplayName }).SingleAsync(ct);
        var liu = await db.Users.Where(u => u.UserName == "liujianguo").Select(u => new { u.Id, u.CommunityId }).SingleAsync(ct);
        DemoSeeder.Ensure(PrivacyRequest.Ask(liu.Id, liu.CommunityId, PrivacyRequestKind.Correction,
            "上门服务登记的地址写成了和平路 8 号", "和平路 18 号 2 单元 301", [], now.AddDays(-2), out var correction));
        db.PrivacyRequests.Add(correction!);

        var qingshi = await db.Communities.Where(c => c.Name == "青石社区").Select(c => c.Id).SingleAsync(ct);
        var zhou = await DemoSeeder.CreateUserAsync(users, DeletedUserName, "周玉梅", qingshi, now.AddDays(-400), Roles.Resident);
        var asked = now.AddDays(-21);
        var profile = new ResidentProfile
        {
            UserId = zhou.Id, FullName = "周玉梅", Phone = "139 0013 9000", CommunityId = qingshi, Address = "青石街 5 号", UpdatedAt = now.AddDays(-300),
        };
        db.ConsentRecords.Add(profile.GiveSensitiveConsent(SensitiveConsent.WordingVersion, "", now.AddDays(-300)));
        db.ResidentProfiles.Add(profile);
        DemoSeeder.Ensure(PrivacyRequest.Ask(zhou.Id, qingshi, PrivacyRequestKind.Deletion, "搬去外地了", "", [], asked, out var deletion));
        db.PrivacyRequests.Add(deletion!);
        await db.SaveChangesAsync(ct);

        var done = now.AddDays(-19);
        DemoSeeder.Ensure(deletion!.Complete("", staff.Id, done));
        var rows = await new ResidentAnonymizer(db).AnonymizeAsync(zhou.Id, ct);
        db.AuditEntries.AddRange(
            Entry(asked, zhou.Id, ResidentAnonymizer.PlaceholderFor(zhou.Id), AuditAction.PrivacyRequested, AuditRecordType.PrivacyRequest, deletion.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), nameof(PrivacyRequestKind.Deletion)),
            Entry(done, staff.Id, staff.DisplayName, AuditAction.PrivacyRequestCompleted, AuditRecordType.PrivacyRequest, deletion.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), nameof(PrivacyRequestKind.Deletion)),
            Entry(done, staff.Id, staff.DisplayName, AuditAction.DataAnonymized, AuditRecordType.Resident, zhou.Id, rows?.Summary ?? ""));
        await db.SaveChangesAsync(ct);
    }

    private static AuditEntry Entry(DateTime at, string actorId, string actorName, AuditAction action, AuditRecordType type, string recordId, string detail) => new()
    {
        At = at, ActorId = actorId, ActorName = actorName, Action = action.ToString(), RecordType = type.ToString(), RecordId = recordId,
        Result = nameof(AuditResult.Succeeded), Detail = detail,
    };
}
