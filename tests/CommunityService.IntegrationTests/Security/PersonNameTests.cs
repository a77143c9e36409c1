using System.Net;
using System.Reflection;
using CommunityService.IntegrationTests.Infrastructure;
using CommunityService.Web.Shared.Forms;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityService.IntegrationTests.Security;

/// <summary>
/// Names (issue #19, class 8): every form field that holds a person's name refuses invisible and look-alike characters, and the
/// names people give themselves refuse a title. The fields are found, not listed: every string property of every form with a
/// validator whose name says it holds a name (…Name) is a person's name unless <see cref="NotPersons"/> says why not. (A case's
/// "person or family" is a description: name, age, address, phone.)
/// </summary>
public class PersonNameTests(PortalFactory portal) : PortalTest(portal)
{
    /// <summary>Name fields that do not name a person.</summary>
    private static readonly Dictionary<string, string> NotPersons = new()
    {
        ["ProjectForm.Name"] = "a project",
        ["ProposalForm.Name"] = "a project",
        ["ServiceTypeForm.Name"] = "a service type",
        ["CommunityForm.Name"] = "a community",
        ["MeetingOpinionForm.MeetingName"] = "a meeting",
        ["UserForm.UserName"] = "a sign-in name (letters, digits, - _ . @)",
        ["RegisterForm.UserName"] = "a sign-in name (letters, digits, - _ . @)",
        ["LoginForm.UserName"] = "a sign-in name",
        ["ProposeForm.Name"] = "a project",
    };

    /// <summary>Properties of any form that name a project or a community (shown on the form, or chosen there).</summary>
    private static readonly string[] NotPersonsAnywhere = ["ProjectName", "CommunityName"];

    /// <summary>The forms where people name themselves (or a relative they ask for): a title is refused there too.</summary>
    private static readonly string[] OwnNames = ["RegisterForm.DisplayName", "ProfileForm.FullName", "SignUpForm.Name", "HomeVisitForm.Name"];

    [Fact]
    public async Task Every_name_field_of_every_form_refuses_invisible_characters_and_own_names_refuse_titles()
    {
        using var scope = Portal.Services.CreateScope();
        var fields = NameFields().ToList();
        var failures = new List<string>();
        foreach (var (form, property) in fields)
        {
            var field = $"{form.Name}.{property.Name}";
            Task<string[]> Errors(string value) => ValidatedForms.ErrorsAsync(scope.ServiceProvider, form, property, value);
            foreach (var bad in new[] { "王\u202E英", "王\u200B英", "王英\u2066", "王英1", "王<英>" })
            {
                if ((await Errors(bad)).Length == 0)
                {
                    failures.Add($"{field} accepts {Uri.EscapeDataString(bad)}");
                }
            }
            foreach (var good in new[] { "王秀英", "阿依古丽·买买提", "Anna-Lena O'Brien", "Nguyễn Thị" })
            {
                if (await Errors(good) is { Length: > 0 } errors)
                {
                    failures.Add($"{field} refuses {good}: {string.Join("; ", errors)}");
                }
            }
            var titled = (await Errors("王主任")).Length > 0;
            if (titled != OwnNames.Contains(field))
            {
                failures.Add($"{field} {(titled ? "refuses" : "accepts")} the title in 王主任");
            }
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.True(fields.Count >= 8, $"Only {fields.Count} name fields: {string.Join(", ", fields.Select(f => f.Form.Name + "." + f.Property.Name))}");
        Assert.All(OwnNames, n => Assert.Contains(n, fields.Select(f => $"{f.Form.Name}.{f.Property.Name}")));
    }

    [Fact]
    public async Task Registration_refuses_a_title_or_a_bidi_override_with_a_message_and_keeps_what_was_typed()
    {
        var visitor = Portal.CreateAnonymousClient();
        var titled = await visitor.PostFormAsync("/account/register", "/account/register", Register("wang.zhuren", "王主任"));
        var reversed = await visitor.PostFormAsync("/account/register", "/account/register", Register("wang.rlo", "王\u202E英"));
        var plain = await visitor.PostFormAsync("/account/register", "/account/register", Register("ayi.guli", "阿依古丽·买买提"));

        Assert.Equal(HttpStatusCode.BadRequest, titled.StatusCode);
        var page = await titled.Content.ReadAsStringAsync();
        Assert.Contains("姓名中不能带有“主任”“社工”等称谓", page, StringComparison.Ordinal);
        Assert.Contains("value=\"wang.zhuren\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, reversed.StatusCode);
        Assert.Contains("姓名只能使用文字、空格和", await reversed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, plain.StatusCode);
        Assert.Equal(0, await Portal.WithDbAsync(db => db.Users.CountAsync(u => u.UserName == "wang.zhuren" || u.UserName == "wang.rlo")));
    }

    [Fact]
    public void The_rule_itself()
    {
        Assert.True(PersonNames.HasValidCharacters("欧阳 娜娜"));
        Assert.False(PersonNames.HasValidCharacters("·-"));
        Assert.False(PersonNames.HasValidCharacters("王\u200D英"));
        Assert.True(PersonNames.HasTitle("Staff Wang"));
        Assert.False(PersonNames.HasTitle("Stafford"));
    }

    private static Dictionary<string, string> Register(string userName, string displayName) => new()
    {
        ["UserName"] = userName, ["DisplayName"] = displayName, ["CommunityId"] = "1",
        ["Password"] = "a long pass phrase", ["ConfirmPassword"] = "a long pass phrase",
    };

    /// <summary>(form, property) for every string property named …Name of every form type that has a validator.</summary>
    private static IEnumerable<(Type Form, PropertyInfo Property)> NameFields() =>
        ValidatedForms.Properties(p => p.PropertyType == typeof(string) && p.Name.EndsWith("Name", StringComparison.Ordinal))
            .Where(f => !NotPersons.ContainsKey($"{f.Form.Name}.{f.Property.Name}") && !NotPersonsAnywhere.Contains(f.Property.Name));
}
