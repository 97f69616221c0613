namespace Qedu.Rectifications.Resources;

/// <summary>Marker for the rectifications module's messages (RectificationText.resx: Chinese; RectificationText.en.resx: English).</summary>
public sealed class RectificationText;
