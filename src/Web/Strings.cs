namespace CollectifLive.Web;

/// <summary>Marker for the UI texts in Resources/Strings.resx (French) and Strings.en.resx (English).</summary>
public sealed class Strings;
