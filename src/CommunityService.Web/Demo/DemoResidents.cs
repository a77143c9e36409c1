using System.Globalization;
using System.Resources;
using CommunityService.Data;
using CommunityService.Data.Catalog;
using CommunityService.Data.Execution;
using CommunityService.Data.Residents;
using CommunityService.Data.Surveys;
using CommunityService.Web.Features.Me;
using CommunityService.Web.Shared.Security;
using Microsoft.EntityFrameworkCore;

namespace CommunityService.Web.Demo;

/// <summary>
/// The demo resident 张阿姨 (阳光社区) has filled in her details and given the separate consent to her special-group
/// facts (aged 60–79, stored encrypted like any resident's), and had a lunch at the elders' canteen recorded against her account, so her page has something in it.
/// </summary>
public static class DemoResidents
{
    public const string ResidentFullName = "张阿姨";

    public static async Task AddAsync(CommunityServiceDbContext db, ResidentFactsProtector protector, DateTime now, CancellationToken ct)
    {
        var resident = await db.Users.SingleAsync(u => u.UserName == "resident", ct);
        var staffId = await db.Users.Where(u => u.UserName == "staff").Select(u => u.Id).SingleAsync(ct);
        var consentAt = now.AddDays(-30);
        var profile = new ResidentProfile
        {
            UserId = resident.Id, FullName = ResidentFullName, Phone = "138 0013 8000", CommunityId = resident.CommunityId,
            Address = "阳光路 12 号院 3 号楼 2 单元 501", Household = "与老伴同住，女儿在外地工作", UpdatedAt = consentAt,
        };
        db.ConsentRecords.Add(profile.GiveSensitiveConsent(SensitiveConsent.WordingVersion, ChineseWording(), consentAt));
        DemoSeeder.Ensure(profile.SetSensitiveFacts(new SensitiveFacts(AgeBand.From60To79, false, false), protector.Protect));
        db.ResidentProfiles.Add(profile);

        var canteen = await db.Projects.Where(p => p.Name == "老年人助餐服务").Select(p => p.Id).SingleAsync(ct);
        var lastMeal = await db.ServiceRecords.Where(r => r.ProjectId == canteen).MaxAsync(r => r.DeliveredAt, ct);
        db.ServiceRecords.Add(new ServiceRecord
        {
            ProjectId = canteen, ResidentId = resident.Id, RecipientName = ResidentFullName, DeliveredAt = lastMeal.AddDays(1), CreatedAt = lastMeal.AddDays(1),
            DeliveryMode = DeliveryMode.AtFacility, DurationMinutes = 45, Description = "老年人助餐服务：在长者食堂用午餐", RecordedById = staffId,
        });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The wording as a Chinese reader sees it on the profile page (the default language).</summary>
    private static string ChineseWording() =>
        new ResourceManager("CommunityService.Web.Resources.SharedResource", typeof(SharedResource).Assembly)
            .GetString(SensitiveConsent.WordingKey, new CultureInfo("zh-CN"))
        ?? throw new InvalidOperationException("The consent wording is missing from the string table.");
}
