using System.Net;
using CommunityService.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityService.IntegrationTests.Security;

/// <summary>
/// Ending sessions. The portal re-checks a session's security stamp once a minute; these tests run the same app with the
/// check on every request, so "at the next check" is "at the next request".
/// </summary>
public class SessionTests(PortalFactory portal) : PortalTest(portal)
{
    private const string Password = "Demo@12345";

    private WebApplicationFactory<Program> CheckEveryRequest() => Portal.WithWebHostBuilder(builder =>
        builder.ConfigureTestServices(services => services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero)));

    private static async Task<HttpClient> SignInAsync(WebApplicationFactory<Program> app, string userName, string password = Password)
    {
        var client = PortalFactory.AnonymousClient(app);
        var response = await client.PostFormAsync("/account/login", "/account/login", new() { ["UserName"] = userName, ["Password"] = password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    private static async Task<string> StatusOfMeAsync(HttpClient client)
    {
        var response = await client.GetAsync("/me");
        return response.StatusCode == HttpStatusCode.OK ? "in" : response.RedirectPath()?.StartsWith("/account/login", StringComparison.Ordinal) == true ? "out" : $"{(int)response.StatusCode}";
    }

    [Fact]
    public async Task Signing_out_on_one_device_ends_the_session_on_the_other()
    {
        await using var app = CheckEveryRequest();
        (await Portal.NewUserClientAsync("two.phones", 1, "Resident")).Dispose();
        var phone = await SignInAsync(app, "two.phones");
        var desk = await SignInAsync(app, "two.phones");
        Assert.Equal("in", await StatusOfMeAsync(desk));

        var bye = await phone.PostFormAsync("/me", "/account/logout", []);

        Assert.Equal(HttpStatusCode.Redirect, bye.StatusCode);
        Assert.Equal("out", await StatusOfMeAsync(phone));
        Assert.Equal("out", await StatusOfMeAsync(desk));
        Assert.Equal("in", await StatusOfMeAsync(await SignInAsync(app, "two.phones")));
    }

    [Fact]
    public async Task A_new_password_keeps_this_session_and_ends_the_others()
    {
        await using var app = CheckEveryRequest();
        (await Portal.NewUserClientAsync("new.password", 1, "Resident")).Dispose();
        var here = await SignInAsync(app, "new.password");
        var elsewhere = await SignInAsync(app, "new.password");

        var changed = await here.PostFormAsync("/account/password", "/account/password",
            new() { ["CurrentPassword"] = Password, ["NewPassword"] = "Another@2026x", ["ConfirmPassword"] = "Another@2026x" });

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal("in", await StatusOfMeAsync(here));
        Assert.Equal("out", await StatusOfMeAsync(elsewhere));
    }

    [Fact]
    public async Task Disabling_an_account_ends_its_open_session_at_the_next_request()
    {
        await using var app = CheckEveryRequest();
        (await Portal.NewUserClientAsync("soon.disabled", 1, "Resident")).Dispose();
        var session = await SignInAsync(app, "soon.disabled");
        Assert.Equal("in", await StatusOfMeAsync(session));
        var id = await Portal.WithDbAsync(db => db.Users.Where(u => u.UserName == "soon.disabled").Select(u => u.Id).SingleAsync());
        var admin = await SignInAsync(app, "admin");

        var saved = await admin.SubmitFormAsync($"/admin/users/{id}/edit", $"/admin/users/{id}/edit", new() { ["IsDisabled"] = "true" });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("out", await StatusOfMeAsync(session));
    }

    [Fact]
    public async Task The_sign_in_cookie_is_a_new_value_at_each_sign_in()
    {
        (await Portal.NewUserClientAsync("fresh.cookie", 1, "Resident")).Dispose();
        static async Task<string> CookieAsync(HttpClient client)
        {
            var response = await client.PostFormAsync("/account/login", "/account/login", new() { ["UserName"] = "fresh.cookie", ["Password"] = Password });
            return response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-cs.auth=", StringComparison.Ordinal) || c.StartsWith("cs.auth=", StringComparison.Ordinal));
        }

        var first = await CookieAsync(Portal.CreateAnonymousClient());
        var second = await CookieAsync(Portal.CreateAnonymousClient());

        Assert.NotEqual(first, second);
        Assert.Contains("httponly", first, StringComparison.OrdinalIgnoreCase);
    }
}
