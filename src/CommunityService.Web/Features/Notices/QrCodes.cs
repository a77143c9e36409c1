using QRCoder;

namespace CommunityService.Web.Features.Notices;

/// <summary>QR codes as PNG data URIs, so a printed poster needs no second request (the CSP allows data: images).</summary>
public static class QrCodes
{
    public static string PngDataUri(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(8);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
