using CommunityService.Web;
using CommunityService.Web.Features.HomeVisits;
using CommunityService.Web.Features.Me;
using CommunityService.Web.Features.Plans;
using CommunityService.Web.Features.SignUps;
using CommunityService.Web.Features.Surveys;
using CommunityService.Web.Shared.Mvc;
using FluentValidation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Localization;

namespace CommunityService.UnitTests.Forms;

/// <summary>
/// A required field left empty is reported on that field even when the rule after it only applies to a value:
/// FluentValidation's <c>.When()</c> covers the whole chain unless told otherwise, and a skipped <c>NotNull</c> let
/// empty values through to the database (a 500 instead of a message).
/// </summary>
public class RequiredFieldTests
{
    private static readonly IStringLocalizer<SharedResource> L = new KeyAsText();
    private static readonly PortalTime Time = new(TimeProvider.System, new ConfigurationBuilder().Build());

    [Fact]
    public async Task A_profile_without_a_community_asks_for_one() =>
        await AssertFieldFailsAsync(new ProfileForm.Validator(L, null!), new ProfileForm { FullName = "张阿姨" }, nameof(ProfileForm.CommunityId));

    [Fact]
    public async Task A_visit_without_a_time_asks_for_one() =>
        await AssertFieldFailsAsync(new ScheduleForm.Validator(L, Time), new ScheduleForm { WorkerId = "w" }, nameof(ScheduleForm.At));

    [Fact]
    public async Task A_plan_without_dates_asks_for_both() =>
        await AssertFieldFailsAsync(new PlanForm.Validator(L), new PlanForm { Purpose = "帮助老人" }, nameof(PlanForm.EndDate));

    [Fact]
    public async Task A_session_without_times_asks_for_both() =>
        await AssertFieldFailsAsync(new SessionForm.Validator(L, Time), new SessionForm { Title = "第一次", Place = "活动室", Capacity = 5 }, nameof(SessionForm.EndsAt));

    [Fact]
    public async Task A_survey_without_dates_asks_for_both() =>
        await AssertFieldFailsAsync(new SurveyForm.Validator(L, null!), new SurveyForm { Title = "需求调查" }, nameof(SurveyForm.EndDate));

    private static async Task AssertFieldFailsAsync<T>(IValidator<T> validator, T form, string field)
    {
        var result = await validator.ValidateAsync(form, o => o.IncludeProperties(field));
        Assert.Contains(result.Errors, e => e.PropertyName == field);
    }

    private sealed class KeyAsText : IStringLocalizer<SharedResource>
    {
        public LocalizedString this[string name] => new(name, name);
        public LocalizedString this[string name, params object[] arguments] => new(name, string.Format(name, arguments));
        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }
}
