namespace Qedu.Indicators.Features.Forms;

/// <summary>Marker for the collection forms' strings (FormsText.resx: Chinese; FormsText.en.resx: English).</summary>
public sealed class FormsText;
