using CommunityService.Data.Residents;
using CommunityService.Data.Surveys;
using static CommunityService.UnitTests.Projects.ProjectBuilder;

namespace CommunityService.UnitTests.Residents;

public class ResidentProfileTests
{
    private static readonly Func<SensitiveFacts, string> Protect = f => $"cipher({f.AgeBand},{f.HasDisability},{f.IsLowIncome})";

    [Fact]
    public void Special_group_facts_are_refused_without_the_separate_consent()
    {
        var profile = new ResidentProfile { UserId = "u" };

        Assert.Equal([ResidentProfile.NeedsConsent], profile.SetSensitiveFacts(new SensitiveFacts(AgeBand.From60To79, null, null), Protect).Missing);
        Assert.Equal("", profile.ProtectedFacts);
        Pass(profile.SetSensitiveFacts(SensitiveFacts.None, Protect));
        Assert.Equal("", profile.ProtectedFacts);
    }

    [Fact]
    public void Consent_records_when_and_to_which_wording_and_withdrawal_erases_the_facts()
    {
        var profile = new ResidentProfile { UserId = "u" };

        var given = profile.GiveSensitiveConsent("sensitive-v1", "我同意……", Now);
        Pass(profile.SetSensitiveFacts(new SensitiveFacts(AgeBand.From80, true, false), Protect));

        Assert.Equal((true, "sensitive-v1", "我同意……", Now, "u"), (given.Given, given.WordingVersion, given.WordingText, given.At, given.UserId));
        Assert.Equal((Now, "sensitive-v1"), (profile.SensitiveConsentAt, profile.SensitiveConsentWording));
        Assert.Equal("cipher(From80,True,False)", profile.ProtectedFacts);

        var withdrawn = profile.WithdrawSensitiveConsent(Now.AddDays(1));

        Assert.NotNull(withdrawn);
        Assert.False(withdrawn.Given);
        Assert.Equal(Now.AddDays(1), withdrawn.At);
        Assert.False(profile.HasSensitiveConsent);
        Assert.Equal("", profile.ProtectedFacts);
        Assert.Null(profile.WithdrawSensitiveConsent(Now.AddDays(2)));
    }

    [Fact]
    public void Saying_nothing_about_any_fact_keeps_no_ciphertext_at_all()
    {
        var profile = new ResidentProfile { UserId = "u" };
        profile.GiveSensitiveConsent("sensitive-v1", "我同意……", Now);
        Pass(profile.SetSensitiveFacts(new SensitiveFacts(AgeBand.From80, null, null), Protect));

        Pass(profile.SetSensitiveFacts(SensitiveFacts.None, _ => throw new InvalidOperationException("nothing to encrypt")));

        Assert.Equal("", profile.ProtectedFacts);
    }
}
