namespace Qedu.Safety.Resources;

/// <summary>Marker for the safety module's messages (SafetyText.resx: Chinese; SafetyText.en.resx: English).</summary>
public sealed class SafetyText;
