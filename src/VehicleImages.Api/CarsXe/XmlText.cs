using System.Xml;

namespace VehicleImages.Api.CarsXe;

/// <summary>Text made safe for an XML 1.0 document, whatever a client or a manifest put in it.</summary>
internal static class XmlText
{
    /// <summary>
    /// The text with every character XML 1.0 cannot carry, even as a character reference (C0 controls other than tab,
    /// line feed and carriage return; U+FFFE and U+FFFF; unpaired surrogates), replaced by U+FFFD, so the reader sees
    /// that something was there.
    /// </summary>
    public static string Carriable(string text)
    {
        char[]? clean = null;
        for (var i = 0; i < text.Length; i++)
        {
            if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                i++;
            }
            else if (!XmlConvert.IsXmlChar(text[i]))
            {
                clean ??= text.ToCharArray();
                clean[i] = '\uFFFD';
            }
        }

        return clean is null ? text : new string(clean);
    }
}
