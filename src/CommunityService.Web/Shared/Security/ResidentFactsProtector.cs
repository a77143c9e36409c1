using System.Text.Json;
using System.Text.Json.Serialization;
using CommunityService.Data.Residents;
using CommunityService.Data.Surveys;
using Microsoft.AspNetCore.DataProtection;

namespace CommunityService.Web.Shared.Security;

/// <summary>A resident's special-group facts as read back; <see cref="Unreadable"/> when the stored ciphertext could not be decrypted.</summary>
public sealed record FactsReading(SensitiveFacts Facts, bool Unreadable)
{
    public static readonly FactsReading Nothing = new(SensitiveFacts.None, false);
}

/// <summary>
/// Encrypts a resident's special-group facts (<see cref="ResidentProfile.ProtectedFacts"/>) as one JSON document, so the
/// database holds neither the values nor which of them were given.
/// </summary>
public sealed class ResidentFactsProtector(IDataProtectionProvider provider, ILogger<ResidentFactsProtector> logger)
{
    public const string Purpose = "CommunityService.ResidentFacts.v1";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
    };

    private readonly FieldProtector field = new(provider, Purpose, logger);

    public string Protect(SensitiveFacts facts) =>
        facts.IsEmpty ? "" : field.Protect(JsonSerializer.Serialize(new Stored(facts.AgeBand, facts.HasDisability, facts.IsLowIncome), Json));

    /// <summary>Throws when the ciphertext cannot be decrypted (<see cref="System.Security.Cryptography.CryptographicException"/>) or read (<see cref="JsonException"/>).</summary>
    public SensitiveFacts Unprotect(string ciphertext) => ciphertext.Length == 0 ? SensitiveFacts.None : Parse(field.Unprotect(ciphertext));

    /// <summary>For pages and exports: never throws; an unreadable value is logged with the resident's id and reported.</summary>
    public FactsReading Read(string ciphertext, string userId)
    {
        if (!field.TryUnprotect(ciphertext, $"resident profile {userId}", out var json))
        {
            return new FactsReading(SensitiveFacts.None, Unreadable: true);
        }
        try
        {
            return new FactsReading(json.Length == 0 ? SensitiveFacts.None : Parse(json), Unreadable: false);
        }
        catch (JsonException e)
        {
            logger.LogWarning(e, "The special-group facts of resident profile {UserId} were decrypted but are not in the expected form.", userId);
            return new FactsReading(SensitiveFacts.None, Unreadable: true);
        }
    }

    private static SensitiveFacts Parse(string json) =>
        JsonSerializer.Deserialize<Stored>(json, Json) is { } s ? new SensitiveFacts(s.AgeBand, s.HasDisability, s.IsLowIncome) : throw new JsonException("No facts.");

    /// <summary>The stored shape, apart from the entity's record so that a new member there cannot change it unnoticed.</summary>
    private sealed record Stored(AgeBand? AgeBand, bool? HasDisability, bool? IsLowIncome);
}
