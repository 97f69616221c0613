namespace Qedu.Web.Resources;

/// <summary>Marker for the shell's strings (WebText.resx: Chinese; WebText.en.resx: English).</summary>
public sealed class WebText;
