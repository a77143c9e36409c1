using System.Diagnostics.CodeAnalysis;
using CommunityService.Data.Cases;
using CommunityService.Web.Shared.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Logging.Abstractions;

namespace CommunityService.Web.Features.Cases;

/// <summary>The readable parts of a case file; on the entity they exist only as ciphertext.</summary>
public sealed record CaseText(string Subject, string Assessment, string Goals, string Plan, string ClosingSummary);

/// <summary>
/// Encrypts and decrypts the confidential text of case files and their notes (a <see cref="FieldProtector"/> with the
/// cases' purpose, unchanged since the first case was written, so all existing ciphertext stays readable).
/// </summary>
public sealed class CaseProtector(IDataProtectionProvider provider, ILogger<CaseProtector>? logger = null)
{
    public const string Purpose = "CommunityService.Cases.v1";

    private readonly FieldProtector field = new(provider, Purpose, logger ?? (ILogger)NullLogger.Instance);

    public string Protect(string text) => field.Protect(text);

    public string Unprotect(string ciphertext) => field.Unprotect(ciphertext);

    /// <summary>A note for a page: null (and a warning in the log) when its ciphertext cannot be decrypted.</summary>
    public bool TryReadNote(int noteId, string ciphertext, [NotNullWhen(true)] out string? text) =>
        field.TryUnprotect(ciphertext, $"case note {noteId}", out text);

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
