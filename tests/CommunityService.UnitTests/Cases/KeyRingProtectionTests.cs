using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CommunityService.Web.Hosting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityService.UnitTests.Cases;

public sealed class KeyRingProtectionTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "cs-unit", Guid.NewGuid().ToString("N"));

    public KeyRingProtectionTests() => Directory.CreateDirectory(folder);

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    private KeyRingCertificates Load(string environment, IConfiguration? config = null, params string[] args) =>
        KeyRingProtection.Load(config ?? Config(), environment, folder, Path.Combine(folder, "data"), args);

    [Theory]
    [InlineData("Development", false, true)]
    [InlineData("Testing", false, true)]
    [InlineData("Production", false, false)]
    [InlineData("Production", true, false)]
    [InlineData("Staging", false, false)]
    [InlineData("Staging", true, true)]
    public void A_certificate_is_generated_only_where_the_data_is_demo_data(string environment, bool demo, bool generates)
    {
        Assert.Equal(generates, KeyRingProtection.MayGenerate(environment, demo, []));
    }

    [Fact]
    public void Staging_started_with_seed_demo_may_generate_one()
    {
        Assert.True(KeyRingProtection.MayGenerate("Staging", false, ["--seed-demo", "--seed-only"]));
        Assert.False(KeyRingProtection.MayGenerate("Production", false, ["--seed-demo"]));
    }

    [Fact]
    public void Production_without_a_certificate_refuses_to_start_and_says_what_to_set()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Load("Production"));

        Assert.Contains("DataProtection:CertificatePath", error.Message, StringComparison.Ordinal);
        Assert.Contains("docs/operations.md", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(folder, "data")));
    }

    [Fact]
    public void Development_generates_a_certificate_in_the_data_folder_once_and_reuses_it()
    {
        var first = Load("Development");
        var second = Load("Development");

        Assert.True(first.Generated);
        Assert.Equal(Path.Combine(folder, "data", KeyRingProtection.GeneratedFileName), first.Source);
        Assert.Equal(first.Current.Thumbprint, second.Current.Thumbprint);
        Assert.True(first.Current.HasPrivateKey);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(first.Source));
        }
    }

    [Fact]
    public void A_configured_certificate_is_used_in_any_environment_and_a_relative_path_is_taken_from_the_content_root()
    {
        var pfx = WritePfx("keys.pfx", "s3cret!");

        var loaded = Load("Production", Config(("DataProtection:CertificatePath", "keys.pfx"), ("DataProtection:CertificatePassword", "s3cret!")));

        Assert.False(loaded.Generated);
        Assert.Equal(pfx.Thumbprint, loaded.Current.Thumbprint);
        Assert.False(File.Exists(Path.Combine(folder, "data", KeyRingProtection.GeneratedFileName)));
    }

    [Fact]
    public void A_missing_file_or_a_wrong_password_is_a_clear_start_up_error()
    {
        WritePfx("keys.pfx", "right");

        var missing = Assert.Throws<InvalidOperationException>(() => Load("Production", Config(("DataProtection:CertificatePath", "nope.pfx"))));
        var wrong = Assert.Throws<InvalidOperationException>(() =>
            Load("Production", Config(("DataProtection:CertificatePath", "keys.pfx"), ("DataProtection:CertificatePassword", "wrong"))));

        Assert.Contains("does not exist", missing.Message, StringComparison.Ordinal);
        Assert.Contains("could not be opened", wrong.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Keys_are_written_encrypted_and_only_their_certificate_opens_them()
    {
        var keys = Path.Combine(folder, "keys");
        var certificate = Load("Development").Current;
        var cipher = Provider(keys, b => b.ProtectKeysWithCertificate(certificate)).CreateProtector("p").Protect("个案记录");

        var xml = File.ReadAllText(Directory.GetFiles(keys, "*.xml").Single());
        Assert.Contains("encryptedSecret", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
        Assert.ThrowsAny<CryptographicException>(() => Provider(keys, _ => { }).CreateProtector("p").Unprotect(cipher));
        Assert.Equal("个案记录", Provider(keys, b => b.UnprotectKeysWithAnyCertificate(certificate)).CreateProtector("p").Unprotect(cipher));
    }

    [Fact]
    public void After_a_rotation_the_old_certificate_listed_as_previous_still_opens_the_old_keys()
    {
        var keys = Path.Combine(folder, "keys");
        var old = WritePfx("old.pfx", "");
        var cipher = Provider(keys, b => b.ProtectKeysWithCertificate(old)).CreateProtector("p").Protect("旧记录");
        WritePfx("new.pfx", "");

        var rotated = Load("Production", Config(("DataProtection:CertificatePath", "new.pfx"), ("DataProtection:PreviousCertificates:0:Path", "old.pfx")));
        var reader = Provider(keys, b =>
        {
            b.ProtectKeysWithCertificate(rotated.Current);
            b.UnprotectKeysWithAnyCertificate([.. rotated.Previous]);
        });

        Assert.Equal(old.Thumbprint, Assert.Single(rotated.Previous).Thumbprint);
        Assert.Equal("旧记录", reader.CreateProtector("p").Unprotect(cipher));
        Assert.ThrowsAny<CryptographicException>(() =>
            Provider(keys, b => b.ProtectKeysWithCertificate(rotated.Current)).CreateProtector("p").Unprotect(cipher));
    }

    private static IDataProtectionProvider Provider(string keys, Action<IDataProtectionBuilder> configure)
    {
        var services = new ServiceCollection();
        var builder = services.AddDataProtection().SetApplicationName("CommunityService").PersistKeysToFileSystem(new DirectoryInfo(keys));
        configure(builder);
        return services.BuildServiceProvider().GetRequiredService<IDataProtectionProvider>();
    }

    private X509Certificate2 WritePfx(string name, string password)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest($"CN={name}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        File.WriteAllBytes(Path.Combine(folder, name), certificate.Export(X509ContentType.Pfx, password.Length == 0 ? null : password));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
    }
}
