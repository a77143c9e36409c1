using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace CommunityService.Web.Shared.Security;

/// <summary>
/// Encrypts one kind of field with ASP.NET Core Data Protection under its own purpose: ciphertext made for one purpose
/// (case text, a resident's special-group facts) does not open under another. The keys are in the database, encrypted with
/// a certificate kept outside it (<c>Hosting/KeyRingProtection</c>); they are never deleted, so old ciphertext stays readable
/// after a key rotation. An empty field stays empty.
/// </summary>
public sealed class FieldProtector(IDataProtectionProvider provider, string purpose, ILogger logger)
{
    private readonly IDataProtector protector = provider.CreateProtector(purpose);

    /// <summary>What a page shows in place of a value that cannot be decrypted (a resource key).</summary>
    public const string UnreadableText = "This note cannot be read: its stored text is damaged or its key is missing.";

    public string Purpose => purpose;

    public string Protect(string text) => text.Length == 0 ? "" : protector.Protect(text);

    /// <summary>Throws a <see cref="CryptographicException"/> when the value was changed, made for another purpose, or its key is gone.</summary>
    public string Unprotect(string ciphertext) => ciphertext.Length == 0 ? "" : protector.Unprotect(ciphertext);

    /// <summary>For pages: an unreadable value is logged (never its content) and reported, so the page can say so instead of failing.</summary>
    public bool TryUnprotect(string ciphertext, string record, [NotNullWhen(true)] out string? text)
    {
        try
        {
            text = Unprotect(ciphertext);
            return true;
        }
        catch (CryptographicException e)
        {
            logger.LogWarning(e, "A protected value ({Purpose}) of {Record} cannot be decrypted: it was changed, or its key is not in the key ring.", purpose, record);
            text = null;
            return false;
        }
    }
}
