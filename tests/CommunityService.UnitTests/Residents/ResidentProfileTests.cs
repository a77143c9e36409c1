using CommunityService.Data.Residents;
using CommunityService.Data.Surveys;
using static CommunityService.UnitTests.Projects.ProjectBuilder;

namespace CommunityService.UnitTests.Residents;

public class ResidentProfileTests
{
    [Fact]
    public void Special_group_facts_are_refused_without_the_separate_consent()
    {
        var profile = new ResidentProfile { UserId = "u" };

        Assert.Equal([ResidentProfile.NeedsConsent], profile.SetSensitiveFacts(AgeBand.From60To79, null, null).Missing);
        Assert.Null(profile.AgeBand);
        Pass(profile.SetSensitiveFacts(null, null, null));
    }

    [Fact]
    public void Consent_records_when_and_to_which_wording_and_withdrawal_erases_the_facts()
    {
        var profile = new ResidentProfile { UserId = "u" };

        var given = profile.GiveSensitiveConsent("sensitive-v1", "我同意……", Now);
        Pass(profile.SetSensitiveFacts(AgeBand.From80, true, false));

        Assert.Equal((true, "sensitive-v1", "我同意……", Now, "u"), (given.Given, given.WordingVersion, given.WordingText, given.At, given.UserId));
        Assert.Equal((Now, "sensitive-v1"), (profile.SensitiveConsentAt, profile.SensitiveConsentWording));

        var withdrawn = profile.WithdrawSensitiveConsent(Now.AddDays(1));

        Assert.NotNull(withdrawn);
        Assert.False(withdrawn.Given);
        Assert.Equal(Now.AddDays(1), withdrawn.At);
        Assert.False(profile.HasSensitiveConsent);
        Assert.Equal((null, null, null), (profile.AgeBand, profile.HasDisability, profile.IsLowIncome));
        Assert.Null(profile.WithdrawSensitiveConsent(Now.AddDays(2)));
    }
}
