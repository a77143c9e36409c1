using CommunityService.Data.Cases;
using CommunityService.Web.Features.Cases;
using Microsoft.AspNetCore.DataProtection;

namespace CommunityService.UnitTests.Cases;

public class CaseProtectorTests
{
    private static readonly EphemeralDataProtectionProvider Provider = new();
    private readonly CaseProtector protector = new(Provider);

    [Fact]
    public void The_stored_text_is_ciphertext_that_reads_back_as_written()
    {
        var file = new CaseFile();
        var text = new CaseText("刘奶奶，和平社区 3 号楼", "老伴中风后右侧偏瘫。", "能完成床椅转移。", "每周二志愿者陪伴。", "已完成改造。");

        protector.Write(file, text);

        Assert.DoesNotContain("中风", file.ProtectedAssessment, StringComparison.Ordinal);
        Assert.DoesNotContain("刘奶奶", file.ProtectedSubject, StringComparison.Ordinal);
        Assert.All([file.ProtectedSubject, file.ProtectedAssessment, file.ProtectedGoals, file.ProtectedPlan, file.ProtectedClosingSummary],
            c => Assert.NotEmpty(c));
        Assert.Equal(text, protector.Read(file));
    }

    [Fact]
    public void The_same_text_twice_gives_different_ciphertext()
    {
        Assert.NotEqual(protector.Protect("同一段记录"), protector.Protect("同一段记录"));
    }

    [Fact]
    public void Another_purpose_cannot_read_case_text()
    {
        var cipher = protector.Protect("保密");

        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => Provider.CreateProtector("CommunityService.Other").Unprotect(cipher));
    }

    [Fact]
    public void An_empty_field_stays_empty()
    {
        Assert.Equal("", protector.Protect(""));
        Assert.Equal("", protector.Unprotect(""));
    }

    [Theory]
    [InlineData("康")]
    [InlineData("\U0001F600")]
    [InlineData("a")]
    public void The_longest_text_a_form_takes_fits_its_column_once_encrypted(string unit)
    {
        var text = string.Concat(Enumerable.Repeat(unit, CaseLimits.TextMaxLength / unit.Length));

        Assert.InRange(protector.Protect(text).Length, 1, CaseFile.CipherMaxLength);
        Assert.InRange(protector.Protect(text[..Math.Min(text.Length, CaseLimits.SubjectMaxLength)]).Length, 1, CaseFile.CipherMaxLength);
    }
}
