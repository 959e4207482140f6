using System.Globalization;
using System.Text;
using System.Xml;

namespace VehicleImages.Api.CarsXe;

/// <summary>
/// The XML form of an /images answer (CarsXE publishes no XML example; this shape is ours and documented in
/// docs/API.md): the JSON's fields as elements, in the same order, under &lt;response&gt;.
/// <code>
/// &lt;response&gt;&lt;query&gt;&lt;make&gt;…&lt;/make&gt;…&lt;/query&gt;&lt;images&gt;&lt;image&gt;&lt;mime&gt;…&lt;/mime&gt;…&lt;/image&gt;&lt;/images&gt;&lt;success&gt;true&lt;/success&gt;&lt;error /&gt;&lt;/response&gt;
/// </code>
/// </summary>
internal static class CarsXeXml
{
    public static string Write(CarsXeResponse response)
    {
        var settings = new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(false), Indent = true, OmitXmlDeclaration = false, NewLineHandling = NewLineHandling.Entitize,
        };
        using var buffer = new Utf8StringWriter();
        using (var xml = XmlWriter.Create(buffer, settings))
        {
            xml.WriteStartElement("response");
            xml.WriteStartElement("query");
            foreach (var (name, value) in response.Query)
            {
                // Query names come from the client: only those that are valid XML names become elements.
                if (IsXmlName(name))
                {
                    Element(xml, name, value);
                }
            }

            xml.WriteEndElement();
            xml.WriteStartElement("images");
            foreach (var image in response.Images)
            {
                xml.WriteStartElement("image");
                Element(xml, "mime", image.Mime);
                Element(xml, "link", image.Link);
                Element(xml, "contextLink", image.ContextLink);
                Element(xml, "height", Number(image.Height));
                Element(xml, "width", Number(image.Width));
                Element(xml, "byteSize", Number(image.ByteSize));
                Element(xml, "thumbnailLink", image.ThumbnailLink);
                Element(xml, "thumbnailHeight", Number(image.ThumbnailHeight));
                Element(xml, "thumbnailWidth", Number(image.ThumbnailWidth));
                Element(xml, "hostPageDomainFriendlyName", image.HostPageDomainFriendlyName);
                Element(xml, "accentColor", image.AccentColor);
                Element(xml, "datePublished", image.DatePublished);
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            Element(xml, "success", response.Success ? "true" : "false");
            Element(xml, "error", response.Error);
            if (response.Message is { } message)
            {
                Element(xml, "message", message);
            }

            if (response.Usage is { } usage)
            {
                xml.WriteStartElement("usage");
                Element(xml, "current", Number(usage.Current));
                Element(xml, "limit", usage.Limit is { } limit ? Number(limit) : "");
                Element(xml, "remaining", usage.Remaining is { } remaining ? Number(remaining) : "");
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        return buffer.ToString();
    }

    // Every value goes through here: catalog text (attribution, context links) comes from manifests as much as the
    // echo comes from the client.
    private static void Element(XmlWriter xml, string name, string value) => xml.WriteElementString(name, XmlText.Carriable(value));

    // A name without a namespace prefix, and not one of the names XML reserves for itself ("xml…" in any case).
    private static bool IsXmlName(string name) =>
        name.Length > 0 && XmlConvert.IsStartNCNameChar(name[0]) && name.All(XmlConvert.IsNCNameChar) &&
        !name.StartsWith("xml", StringComparison.OrdinalIgnoreCase);

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private sealed class Utf8StringWriter() : StringWriter(CultureInfo.InvariantCulture)
    {
        public override Encoding Encoding => new UTF8Encoding(false);
    }
}
