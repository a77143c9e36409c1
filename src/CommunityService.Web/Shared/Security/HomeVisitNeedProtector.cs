using CommunityService.Data.Participation;
using Microsoft.AspNetCore.DataProtection;

namespace CommunityService.Web.Shared.Security;

/// <summary>
/// Encrypts what a person needs help with in a home-visit request (<see cref="HomeVisitRequest.ProtectedNeed"/>): the text can
/// reveal health ("刚做完髋关节手术，需要上门康复"), so the database holds only its ciphertext, under its own purpose.
/// </summary>
public sealed class HomeVisitNeedProtector(IDataProtectionProvider provider, ILogger<HomeVisitNeedProtector> logger)
{
    public const string Purpose = "CommunityService.HomeVisitNeed.v1";

    private readonly FieldProtector field = new(provider, Purpose, logger);

    public string Protect(string need) => field.Protect(need);

    /// <summary>Throws a <see cref="System.Security.Cryptography.CryptographicException"/> when the ciphertext cannot be decrypted.</summary>
    public string Unprotect(string ciphertext) => field.Unprotect(ciphertext);

    /// <summary>For pages and exports: never throws; null (and a warning in the log naming the request) when the value cannot be decrypted.</summary>
    public string? Read(string ciphertext, int requestId) =>
        field.TryUnprotect(ciphertext, $"home-visit request {requestId}", out var need) ? need : null;
}
