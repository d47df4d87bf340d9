using Microsoft.Extensions.Options;

namespace ThiDua.Web.Infrastructure.Signing;

/// <summary>Where the signing key lives.</summary>
public enum SigningKind
{
    /// <summary>
    /// A self-signed certificate made on first start in the data folder: for development and tests. It is the default
    /// only outside Production; set explicitly it also runs in Production (a demonstration server), with a warning.
    /// </summary>
    Development,

    /// <summary>A PKCS#12 file (.pfx/.p12) with the key and its certificate chain.</summary>
    Pfx,

    /// <summary>A PKCS#11 token (USB token, HSM, SoftHSM2): the private key never leaves it.</summary>
    Pkcs11,
}

/// <summary>
/// The <c>Signing</c> settings (environment variables <c>Signing__Kind</c>, <c>Signing__PfxPath</c>, …), checked when the
/// app starts (ADR 011). Without <c>Signing__Kind</c> the Development certificate is used outside Production; in
/// Production a missing key is a start-up error.
/// </summary>
public sealed class SigningOptions
{
    public const string Section = "Signing";

    /// <summary>Null: Development outside Production, an error in Production.</summary>
    public SigningKind? Kind { get; set; }

    public string? PfxPath { get; set; }

    public string? PfxPassword { get; set; }

    /// <summary>The vendor's PKCS#11 module, e.g. /usr/lib/softhsm/libsofthsm2.so.</summary>
    public string? Pkcs11LibraryPath { get; set; }

    /// <summary>The token's label; or <see cref="Pkcs11Slot"/>.</summary>
    public string? Pkcs11TokenLabel { get; set; }

    /// <summary>The slot id, when the token is chosen by slot rather than by label.</summary>
    public ulong? Pkcs11Slot { get; set; }

    public string? Pkcs11Pin { get; set; }

    /// <summary>CKA_LABEL of the private key; its certificate on the token carries the same label (or the same CKA_ID).</summary>
    public string? Pkcs11KeyLabel { get; set; }

    /// <summary>PEM or DER file with the signer's certificate (first) and its chain, when the certificate is not on the token.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>Further certificates (PEM or DER files) a signature may chain to and still count as trusted.</summary>
    public List<string> TrustedCertificatePaths { get; set; } = [];

    /// <summary>Where the Development certificate is kept, relative to the content root.</summary>
    public string DevelopmentCertificatePath { get; set; } = "data/signing/development-signer.pfx";

    /// <summary>The kind in force: the configured one, or Development when none is configured outside Production.</summary>
    public SigningKind EffectiveKind(IHostEnvironment environment) =>
        Kind ?? (environment.IsProduction() ? throw new InvalidOperationException(MissingInProduction) : SigningKind.Development);

    internal const string MissingInProduction =
        "Chưa cấu hình khóa ký số (Signing__Kind = Pfx hoặc Pkcs11). No signing key is configured: set Signing__Kind to Pfx "
        + "(with Signing__PfxPath, Signing__PfxPassword) or Pkcs11 (with Signing__Pkcs11LibraryPath, Signing__Pkcs11TokenLabel "
        + "or Signing__Pkcs11Slot, Signing__Pkcs11Pin, Signing__Pkcs11KeyLabel); see docs/operations.md.";
}

/// <summary>Checks the signing settings at start; each fault names the variable to set, in Vietnamese and English.</summary>
public sealed class SigningOptionsValidator(IHostEnvironment environment) : IValidateOptions<SigningOptions>
{
    public ValidateOptionsResult Validate(string? name, SigningOptions options)
    {
        var faults = new List<string>();
        if (options.Kind is null && environment.IsProduction())
        {
            faults.Add(SigningOptions.MissingInProduction);
        }
        else if (options.Kind == SigningKind.Pfx)
        {
            if (string.IsNullOrWhiteSpace(options.PfxPath))
            {
                faults.Add("Signing__PfxPath: cần đường dẫn tệp .pfx chứa khóa ký. Set the path of the .pfx file with the signing key.");
            }
            else if (!File.Exists(options.PfxPath))
            {
                faults.Add($"Signing__PfxPath = {options.PfxPath}: không tìm thấy tệp. The file does not exist.");
            }
        }
        else if (options.Kind == SigningKind.Pkcs11)
        {
            if (string.IsNullOrWhiteSpace(options.Pkcs11LibraryPath))
            {
                faults.Add("Signing__Pkcs11LibraryPath: cần đường dẫn thư viện PKCS#11 của thiết bị ký (vd. /usr/lib/softhsm/libsofthsm2.so). Set the token's PKCS#11 module.");
            }
            else if (!File.Exists(options.Pkcs11LibraryPath))
            {
                faults.Add($"Signing__Pkcs11LibraryPath = {options.Pkcs11LibraryPath}: không tìm thấy tệp. The file does not exist.");
            }
            if (string.IsNullOrWhiteSpace(options.Pkcs11TokenLabel) && options.Pkcs11Slot is null)
            {
                faults.Add("Signing__Pkcs11TokenLabel hoặc Signing__Pkcs11Slot: cần chọn thiết bị ký. Set the token label or the slot id.");
            }
            if (string.IsNullOrEmpty(options.Pkcs11Pin))
            {
                faults.Add("Signing__Pkcs11Pin: cần mã PIN của thiết bị ký. Set the token's user PIN.");
            }
            if (string.IsNullOrWhiteSpace(options.Pkcs11KeyLabel))
            {
                faults.Add("Signing__Pkcs11KeyLabel: cần nhãn (CKA_LABEL) của khóa ký trên thiết bị. Set the label of the private key.");
            }
        }
        foreach (var path in options.TrustedCertificatePaths.Append(options.CertificatePath))
        {
            if (!string.IsNullOrWhiteSpace(path) && !File.Exists(path))
            {
                faults.Add($"Signing: không tìm thấy tệp chứng thư {path}. The certificate file does not exist.");
            }
        }
        return faults.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(faults);
    }
}
