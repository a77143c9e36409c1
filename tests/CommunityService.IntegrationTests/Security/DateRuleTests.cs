using System.Net;
using System.Reflection;
using CommunityService.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityService.IntegrationTests.Security;

/// <summary>
/// Dates a person would never mean (issue #19, class 4): every date of every form with a validator refuses year 1 and year 9999
/// and takes next week. The fields are found, not listed, so a new date field without the rule fails here.
/// </summary>
public class DateRuleTests(PortalFactory portal) : PortalTest(portal)
{
    [Fact]
    public async Task Every_date_of_every_form_refuses_a_year_nobody_means()
    {
        var culture = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("zh-CN");
        try
        {
            await WalkAsync();
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = culture;
        }
    }

    private async Task WalkAsync()
    {
        using var scope = Portal.Services.CreateScope();
        var fields = DateFields().ToList();
        var failures = new List<string>();
        var nextWeek = DateTime.UtcNow.Date.AddDays(7).AddHours(9);
        foreach (var (form, property) in fields)
        {
            Task<string[]> Errors(DateTime value)
            {
                var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
                return ValidatedForms.ErrorsAsync(scope.ServiceProvider, form, property, type == typeof(DateOnly) ? DateOnly.FromDateTime(value) : value);
            }
            foreach (var never in new[] { new DateTime(1, 1, 1, 9, 0, 0), new DateTime(9999, 12, 31, 9, 0, 0), new DateTime(202, 6, 1, 9, 0, 0) })
            {
                if (!(await Errors(never)).Any(e => e.StartsWith("请选择", StringComparison.Ordinal)))
                {
                    failures.Add($"{form.Name}.{property.Name} takes {never:yyyy-MM-dd}");
                }
            }
            if ((await Errors(nextWeek)).Any(e => e.StartsWith("请选择", StringComparison.Ordinal)))
            {
                failures.Add($"{form.Name}.{property.Name} refuses next week");
            }
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.True(fields.Count >= 18, $"Only {fields.Count} date fields.");
    }

    [Fact]
    public async Task A_weekly_series_in_year_9999_is_refused_with_a_message_not_a_server_error()
    {
        var staff = await Portal.ClientForAsync("staff");
        var before = await Portal.WithDbAsync(db => db.Sessions.CountAsync());

        var response = await staff.PostFormAsync("/projects/3/sessions", "/projects/3/sessions", new()
        {
            ["Title"] = "远期课程", ["StartsAt"] = "9999-12-20T09:00", ["EndsAt"] = "9999-12-20T10:00", ["Place"] = "活动室", ["Capacity"] = "10", ["Weeks"] = "4",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.BodyAsync();
        Assert.Contains("请选择", page, StringComparison.Ordinal);
        Assert.Contains("远期课程", page, StringComparison.Ordinal);
        Assert.Equal(before, await Portal.WithDbAsync(db => db.Sessions.CountAsync()));
    }

    /// <summary>(form, property) for every date property of every form type that has a validator.</summary>
    private static IEnumerable<(Type Form, PropertyInfo Property)> DateFields() =>
        ValidatedForms.Properties(p => (Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType) is var t && (t == typeof(DateTime) || t == typeof(DateOnly)));
}
