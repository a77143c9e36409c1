using System.Net;
using System.Text;
using System.Text.Json;
using CommunityService.Data.Participation;
using CommunityService.IntegrationTests.Infrastructure;
using CommunityService.Web.Shared.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityService.IntegrationTests.HomeVisits;

/// <summary>
/// The need of a home-visit request can reveal health, so it is kept only as ciphertext: the database file does not hold it while
/// the staff pages, /me and the resident's export show it; a damaged value is reported on the page, not answered with a 500.
/// </summary>
public class HomeVisitNeedEncryptionTests(PortalFactory portal) : PortalTest(portal)
{
    private const string Tag = "K3HV密文检验";
    private const string Sentence = Tag + " 刚做完髋关节手术需要上门康复";

    [Fact]
    public async Task The_database_file_does_not_hold_the_need_while_the_staff_pages_and_the_resident_show_it()
    {
        var resident = await Portal.ClientForAsync("resident");
        var (notice, project) = await NoticeOfAsync("物业维修便民服务");
        var sent = await resident.PostFormAsync($"/notices/{notice}/home-visit", $"/notices/{notice}/home-visit", ResidentHomeVisitTests.Visit(Sentence));
        Assert.Equal("/me", sent.RedirectPath());
        var id = await Portal.WithDbAsync(db => db.HomeVisitRequests.Where(r => r.ProjectId == project).OrderByDescending(r => r.Id).Select(r => r.Id).FirstAsync());

        var staff = await Portal.ClientForAsync("staff");
        Assert.Contains(Sentence, await staff.GetStringAsync($"/projects/{project}/home-visits"), StringComparison.Ordinal);
        Assert.Contains(Sentence, await staff.GetStringAsync($"/home-visits/{id}"), StringComparison.Ordinal);
        Assert.Contains(Sentence, await resident.GetStringAsync("/me"), StringComparison.Ordinal);
        var export = JsonDocument.Parse(await resident.GetStringAsync("/me/data")).RootElement.GetProperty("homeVisits");
        Assert.Contains(export.EnumerateArray(), v => v.GetProperty("need").GetString() == Sentence);

        var stored = await StoredAsync(id);
        Assert.StartsWith("CfDJ8", stored, StringComparison.Ordinal);
        var bytes = await Portal.DatabaseContentAsync();
        foreach (var secret in new[] { Sentence, Tag, "髋关节手术" })
        {
            Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(secret)));
            Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes(secret)));
        }
        // The search can fail: the ciphertext and the request's ordinary details are found the same way.
        Assert.NotEqual(-1, bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(stored)));
        Assert.NotEqual(-1, bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes("阳光社区 5 号楼 1 单元 302 室")));
    }

    [Fact]
    public async Task A_need_staff_take_down_is_stored_encrypted_and_a_resident_sending_it_twice_asks_once()
    {
        var (notice, project) = await NoticeOfAsync("物业维修便民服务");
        var staff = await Portal.ClientForAsync("staff");
        var created = await staff.PostFormAsync($"/projects/{project}/home-visits/create", $"/projects/{project}/home-visits/create", ResidentHomeVisitTests.Visit(Sentence));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = int.Parse(created.RedirectPath()!.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(Sentence, Protector.Unprotect(await StoredAsync(id)));

        var resident = await Portal.ClientForAsync("resident");
        var form = $"/notices/{notice}/home-visit";
        await resident.PostFormAsync(form, form, ResidentHomeVisitTests.Visit(Sentence));
        await resident.PostFormAsync(form, form, ResidentHomeVisitTests.Visit(Sentence));

        var needs = await Portal.WithDbAsync(db => db.HomeVisitRequests.AsNoTracking().Where(r => r.ProjectId == project).Select(r => new { r.ResidentId, r.ProtectedNeed }).ToListAsync());
        // One from staff (no account), one from the resident although the form was sent twice.
        Assert.Equal(2, needs.Count(n => Protector.Unprotect(n.ProtectedNeed) == Sentence));
    }

    [Fact]
    public async Task A_damaged_need_is_shown_as_unreadable_on_every_page_that_shows_it_and_none_fails()
    {
        var resident = await Portal.ClientForAsync("resident");
        var residentId = await Portal.WithDbAsync(db => db.Users.Where(u => u.UserName == "resident").Select(u => u.Id).SingleAsync());
        var (id, project) = await Portal.WithDbAsync(async db =>
        {
            var r = await db.HomeVisitRequests.Where(x => x.ResidentId == residentId).Select(x => new { x.Id, x.ProjectId }).FirstAsync();
            return (r.Id, r.ProjectId);
        });
        var cipher = await StoredAsync(id);
        await StoreAsync(id, cipher[..^6] + "AAAAAA");
        var staff = await Portal.ClientForAsync("staff");

        var list = await staff.GetAsync($"/projects/{project}/home-visits");
        var details = await staff.GetAsync($"/home-visits/{id}");
        var me = await resident.GetAsync("/me");
        var export = await resident.GetAsync("/me/data");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK), (list.StatusCode, details.StatusCode, me.StatusCode, export.StatusCode));
        foreach (var page in new[] { list, details, me })
        {
            Assert.Contains("无法读取此记录", await page.BodyAsync(), StringComparison.Ordinal);
        }
        var visit = Assert.Single(JsonDocument.Parse(await export.BodyAsync()).RootElement.GetProperty("homeVisits").EnumerateArray(),
            v => v.GetProperty("needUnreadable").GetBoolean());
        Assert.Equal("", visit.GetProperty("need").GetString());
    }

    [Fact]
    public void The_ciphertext_of_the_longest_need_fits_its_column()
    {
        var longest = new string('髋', HomeVisitRequest.NeedMaxLength);

        var cipher = Protector.Protect(longest);

        Assert.InRange(cipher.Length, HomeVisitRequest.NeedMaxLength * 3, HomeVisitRequest.ProtectedNeedMaxLength);
        Assert.Equal(longest, Protector.Unprotect(cipher));
    }

    private HomeVisitNeedProtector Protector => Portal.Services.GetRequiredService<HomeVisitNeedProtector>();

    private Task<(int Notice, int Project)> NoticeOfAsync(string project) =>
        Portal.WithDbAsync(async db =>
        {
            var n = await db.Notices.Where(x => x.Project!.Name == project).Select(x => new { x.Id, x.ProjectId }).SingleAsync();
            return (n.Id, n.ProjectId);
        });

    /// <summary>The ciphertext column as the database has it.</summary>
    private Task<string> StoredAsync(int id) => Portal.WithDbAsync(db =>
        db.Database.SqlQueryRaw<string>("SELECT \"ProtectedNeed\" AS \"Value\" FROM \"HomeVisitRequests\" WHERE \"Id\" = {0}", id).SingleAsync());

    /// <summary>Raw SQL, as someone editing the database would write it: the stored ciphertext replaced.</summary>
    private async Task StoreAsync(int id, string ciphertext) =>
        Assert.Equal(1, await Portal.WithDbAsync(db =>
            db.Database.ExecuteSqlRawAsync("UPDATE \"HomeVisitRequests\" SET \"ProtectedNeed\" = {0} WHERE \"Id\" = {1}", ciphertext, id)));
}
