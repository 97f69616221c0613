using QRCoder;

namespace Qedu.Web.Features.MyAccount;

/// <summary>A QR code as inline SVG (QRCoder), so the enrolment key reaches a phone's camera without leaving the page.</summary>
internal static class Qr
{
    public static string Svg(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(5);
    }
}
