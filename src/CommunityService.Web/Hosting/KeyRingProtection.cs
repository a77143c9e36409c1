using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CommunityService.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace CommunityService.Web.Hosting;

/// <summary>The certificate that encrypts new Data Protection keys, the older ones that still open keys they encrypted, and where it came from.</summary>
public sealed record KeyRingCertificates(X509Certificate2 Current, IReadOnlyList<X509Certificate2> Previous, string Source, bool Generated);

/// <summary>
/// The Data Protection keys are stored in the database beside the case notes they encrypt, so the keys are themselves
/// encrypted with a certificate kept outside it: a copy of the database alone opens nothing. In Development and Testing
/// (and outside Production when demo data is asked for) a self-signed certificate is made once in the data folder;
/// anywhere else the portal will not start without one.
/// </summary>
public static class KeyRingProtection
{
    public const string CertificatePathKey = "DataProtection:CertificatePath";
    public const string CertificatePasswordKey = "DataProtection:CertificatePassword";
    public const string PreviousCertificatesKey = "DataProtection:PreviousCertificates";
    public const string GeneratedFileName = "dataprotection-keys.pfx";

    public const string Missing =
        "The Data Protection keys are stored in the database and must be encrypted with a certificate kept outside it. " +
        "Set DataProtection:CertificatePath to a PFX file with an RSA private key (and DataProtection:CertificatePassword to its password). " +
        "See docs/operations.md, section 'Data Protection keys'. A certificate is generated automatically only in Development and Testing " +
        "(and outside Production when demo data is requested).";

    public static void AddPortalDataProtection(this WebApplicationBuilder builder)
    {
        var keys = builder.Services.AddDataProtection().SetApplicationName("CommunityService").PersistKeysToDbContext<CommunityServiceDbContext>();
        // dotnet ef builds the host only to read the model: it protects nothing and must not need (or create) a certificate.
        if (EF.IsDesignTime)
        {
            return;
        }
        var environment = builder.Environment;
        var certificates = Load(builder.Configuration, environment.EnvironmentName, environment.ContentRootPath,
            DatabaseSetup.DataFolder(builder.Configuration, environment.ContentRootPath), Environment.GetCommandLineArgs());
        keys.ProtectKeysWithCertificate(certificates.Current);
        if (certificates.Previous.Count > 0)
        {
            keys.UnprotectKeysWithAnyCertificate([.. certificates.Previous]);
        }
        builder.Services.AddSingleton(certificates);
    }

    public static void LogKeyRingProtection(this WebApplication app)
    {
        if (app.Services.GetService<KeyRingCertificates>() is { } c)
        {
            app.Logger.LogInformation("Data Protection keys are encrypted with certificate {Thumbprint} from {Source}{Generated}; {Previous} earlier certificate(s) can still open older keys.",
                c.Current.Thumbprint, c.Source, c.Generated ? " (generated for development)" : "", c.Previous.Count);
        }
    }

    /// <summary>A generated certificate is for machines where the data is demo data; Production always brings its own.</summary>
    public static bool MayGenerate(string environmentName, bool demoSeed, IReadOnlyCollection<string> args) =>
        environmentName.Equals(Environments.Development, StringComparison.OrdinalIgnoreCase)
        || environmentName.Equals("Testing", StringComparison.OrdinalIgnoreCase)
        || (!environmentName.Equals(Environments.Production, StringComparison.OrdinalIgnoreCase) && (demoSeed || args.Contains("--seed-demo")));

    public static KeyRingCertificates Load(IConfiguration configuration, string environmentName, string contentRoot, string dataFolder, IReadOnlyCollection<string> args)
    {
        var previous = configuration.GetSection(PreviousCertificatesKey).GetChildren()
            .Select(s => Open(Resolve(s["Path"], contentRoot), s["Password"]))
            .ToList();
        var path = configuration[CertificatePathKey];
        if (!string.IsNullOrWhiteSpace(path))
        {
            var resolved = Resolve(path, contentRoot);
            return new KeyRingCertificates(Open(resolved, configuration[CertificatePasswordKey]), previous, resolved, Generated: false);
        }
        if (!MayGenerate(environmentName, configuration.GetValue<bool>("Demo:Seed"), args))
        {
            throw new InvalidOperationException(Missing);
        }
        var generated = Path.Combine(dataFolder, GeneratedFileName);
        return new KeyRingCertificates(OpenOrCreate(generated), previous, generated, Generated: true);
    }

    /// <summary>Made once and reused: a new certificate could not open the keys the old one encrypted.</summary>
    public static X509Certificate2 OpenOrCreate(string path)
    {
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var pfx = CreateSelfSigned();
            var temp = $"{path}.{Guid.NewGuid():N}.tmp";
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                // Readable by the portal's own account only: the private key opens every key in the database.
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }
            using (var stream = new FileStream(temp, options))
            {
                stream.Write(pfx);
            }
            try
            {
                File.Move(temp, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another process starting at the same moment made one first: use theirs.
                File.Delete(temp);
            }
        }
        return Open(path, password: null);
    }

    private static byte[] CreateSelfSigned()
    {
        using var rsa = RSA.Create(3072);
        var request = new CertificateRequest("CN=CommunityService Data Protection - generated for development", rsa,
            HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.DataEncipherment, critical: true));
        // Key encryption does not check dates; a long life spares a development machine a pointless rotation.
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(50));
        return certificate.Export(X509ContentType.Pfx);
    }

    private static X509Certificate2 Open(string path, string? password)
    {
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"The Data Protection certificate '{path}' does not exist. See docs/operations.md, section 'Data Protection keys'.");
        }
        X509Certificate2 certificate;
        try
        {
            // Ephemeral: the private key stays in memory, not in a key store the process may not be able to write (macOS has none).
            var flags = OperatingSystem.IsMacOS() ? X509KeyStorageFlags.DefaultKeySet : X509KeyStorageFlags.EphemeralKeySet;
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, string.IsNullOrEmpty(password) ? null : password, flags);
        }
        catch (CryptographicException e)
        {
            throw new InvalidOperationException($"The Data Protection certificate '{path}' could not be opened (a PFX file with its password is expected): {e.Message}", e);
        }
        if (!certificate.HasPrivateKey || certificate.GetRSAPublicKey() is null)
        {
            throw new InvalidOperationException($"The Data Protection certificate '{path}' must be an RSA certificate with its private key.");
        }
        return certificate;
    }

    private static string Resolve(string? path, string contentRoot) =>
        string.IsNullOrWhiteSpace(path)
            ? throw new InvalidOperationException($"Every entry of {PreviousCertificatesKey} needs a Path.")
            : Path.GetFullPath(Path.Combine(contentRoot, path));
}
