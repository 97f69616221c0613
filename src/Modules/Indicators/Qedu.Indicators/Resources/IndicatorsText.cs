namespace Qedu.Indicators.Resources;

/// <summary>Marker for the indicators module's strings (IndicatorsText.resx: Chinese; IndicatorsText.en.resx: English).</summary>
public sealed class IndicatorsText;
