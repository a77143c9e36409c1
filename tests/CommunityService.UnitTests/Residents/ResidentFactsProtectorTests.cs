using System.Security.Cryptography;
using CommunityService.Data.Residents;
using CommunityService.Data.Surveys;
using CommunityService.Web.Features.Cases;
using CommunityService.Web.Shared.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Logging;

namespace CommunityService.UnitTests.Residents;

public class ResidentFactsProtectorTests
{
    private static readonly EphemeralDataProtectionProvider Provider = new();
    private readonly ListLogger<ResidentFactsProtector> log = new();
    private readonly ResidentFactsProtector protector;

    public ResidentFactsProtectorTests() => protector = new ResidentFactsProtector(Provider, log);

    [Fact]
    public void The_facts_are_stored_as_ciphertext_that_reads_back_as_given()
    {
        var facts = new SensitiveFacts(AgeBand.From80, true, null);

        var cipher = protector.Protect(facts);

        Assert.StartsWith("CfDJ8", cipher, StringComparison.Ordinal);
        foreach (var plain in new[] { "From80", "ageBand", "hasDisability", "true", "{" })
        {
            Assert.DoesNotContain(plain, cipher, StringComparison.OrdinalIgnoreCase);
        }
        Assert.Equal(facts, protector.Unprotect(cipher));
        Assert.Equal(new FactsReading(facts, false), protector.Read(cipher, "u1"));
        Assert.Empty(log.Entries);
    }

    [Fact]
    public void The_same_facts_twice_give_different_ciphertext_so_equal_answers_cannot_be_grouped()
    {
        var facts = new SensitiveFacts(AgeBand.From60To79, false, false);

        Assert.NotEqual(protector.Protect(facts), protector.Protect(facts));
    }

    [Fact]
    public void Nothing_said_is_stored_as_nothing()
    {
        Assert.Equal("", protector.Protect(SensitiveFacts.None));
        Assert.Equal(SensitiveFacts.None, protector.Unprotect(""));
        Assert.Equal(FactsReading.Nothing, protector.Read("", "u1"));
    }

    [Fact]
    public void The_longest_facts_fit_their_column_once_encrypted()
    {
        var longest = Enum.GetValues<AgeBand>().Select(b => protector.Protect(new SensitiveFacts(b, false, false)).Length).Max();

        Assert.InRange(longest, 1, ResidentProfile.ProtectedFactsMaxLength / 2);
    }

    [Fact]
    public void A_changed_ciphertext_throws_a_clear_error_and_a_page_gets_unreadable_with_a_warning_in_the_log()
    {
        var cipher = protector.Protect(new SensitiveFacts(AgeBand.From80, true, true));
        var tampered = cipher[..^6] + (cipher[^6] == 'A' ? 'B' : 'A') + cipher[^5..];

        Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect(tampered));
        var reading = protector.Read(tampered, "user-42");

        Assert.Equal(new FactsReading(SensitiveFacts.None, true), reading);
        var entry = Assert.Single(log.Entries);
        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.Contains("resident profile user-42", entry.Text, StringComparison.Ordinal);
        Assert.Contains(ResidentFactsProtector.Purpose, entry.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_that_is_not_ciphertext_at_all_is_unreadable_too()
    {
        Assert.True(protector.Read("{\"ageBand\":\"From80\"}", "u1").Unreadable);
        Assert.True(protector.Read("From80", "u1").Unreadable);
    }

    [Fact]
    public void Case_ciphertext_does_not_open_as_resident_facts_nor_the_other_way_round()
    {
        var cases = new CaseProtector(Provider);
        var facts = protector.Protect(new SensitiveFacts(AgeBand.Under18, null, true));

        Assert.True(protector.Read(cases.Protect("{\"ageBand\":\"Under18\"}"), "u1").Unreadable);
        Assert.ThrowsAny<CryptographicException>(() => cases.Unprotect(facts));
    }

    [Fact]
    public void A_changed_case_note_is_reported_unreadable_instead_of_throwing()
    {
        var caseLog = new ListLogger<CaseProtector>();
        var cases = new CaseProtector(Provider, caseLog);
        var cipher = cases.Protect("今日步行二十米");

        Assert.True(cases.TryReadNote(7, cipher, out var text));
        Assert.Equal("今日步行二十米", text);
        Assert.False(cases.TryReadNote(7, cipher[..^4] + "AAAA", out var none));
        Assert.Null(none);
        Assert.Contains("case note 7", Assert.Single(caseLog.Entries).Text, StringComparison.Ordinal);
    }

    private sealed class ListLogger<T> : ILogger<T>
    {
        public List<(LogLevel Level, string Text)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Add((logLevel, formatter(state, exception)));
    }
}
