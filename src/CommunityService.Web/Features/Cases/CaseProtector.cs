using CommunityService.Data.Cases;
using Microsoft.AspNetCore.DataProtection;

namespace CommunityService.Web.Features.Cases;

/// <summary>The readable parts of a case file; on the entity they exist only as ciphertext.</summary>
public sealed record CaseText(string Subject, string Assessment, string Goals, string Plan, string ClosingSummary);

/// <summary>
/// Encrypts and decrypts the confidential text of case files and their notes with ASP.NET Core Data Protection
/// (keys in the database, themselves encrypted with a certificate kept outside it: see Infrastructure/KeyRingProtection).
/// An empty field stays empty; ciphertext of old keys stays readable, since keys are never deleted.
/// </summary>
public sealed class CaseProtector(IDataProtectionProvider provider)
{
    public const string Purpose = "CommunityService.Cases.v1";

    private readonly IDataProtector protector = provider.CreateProtector(Purpose);

    public string Protect(string text) => text.Length == 0 ? "" : protector.Protect(text);

    public string Unprotect(string ciphertext) => ciphertext.Length == 0 ? "" : protector.Unprotect(ciphertext);

    public CaseText Read(CaseFile file) => new(
        Unprotect(file.ProtectedSubject), Unprotect(file.ProtectedAssessment), Unprotect(file.ProtectedGoals),
        Unprotect(file.ProtectedPlan), Unprotect(file.ProtectedClosingSummary));

    public void Write(CaseFile file, CaseText text)
    {
        file.ProtectedSubject = Protect(text.Subject);
        file.ProtectedAssessment = Protect(text.Assessment);
        file.ProtectedGoals = Protect(text.Goals);
        file.ProtectedPlan = Protect(text.Plan);
        file.ProtectedClosingSummary = Protect(text.ClosingSummary);
    }
}
