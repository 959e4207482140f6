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
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, OmitXmlDeclaration = false };
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
                    xml.WriteElementString(name, value);
                }
            }

            xml.WriteEndElement();
            xml.WriteStartElement("images");
            foreach (var image in response.Images)
            {
                xml.WriteStartElement("image");
                xml.WriteElementString("mime", image.Mime);
                xml.WriteElementString("link", image.Link);
                xml.WriteElementString("contextLink", image.ContextLink);
                xml.WriteElementString("height", Number(image.Height));
                xml.WriteElementString("width", Number(image.Width));
                xml.WriteElementString("byteSize", Number(image.ByteSize));
                xml.WriteElementString("thumbnailLink", image.ThumbnailLink);
                xml.WriteElementString("thumbnailHeight", Number(image.ThumbnailHeight));
                xml.WriteElementString("thumbnailWidth", Number(image.ThumbnailWidth));
                xml.WriteElementString("hostPageDomainFriendlyName", image.HostPageDomainFriendlyName);
                xml.WriteElementString("accentColor", image.AccentColor);
                xml.WriteElementString("datePublished", image.DatePublished);
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteElementString("success", response.Success ? "true" : "false");
            xml.WriteElementString("error", response.Error);
            if (response.Message is { } message)
            {
                xml.WriteElementString("message", message);
            }

            if (response.Usage is { } usage)
            {
                xml.WriteStartElement("usage");
                xml.WriteElementString("current", Number(usage.Current));
                xml.WriteElementString("limit", usage.Limit is { } limit ? Number(limit) : "");
                xml.WriteElementString("remaining", usage.Remaining is { } remaining ? Number(remaining) : "");
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        return buffer.ToString();
    }

    private static bool IsXmlName(string name)
    {
        try
        {
            XmlConvert.VerifyNCName(name);
            return true;
        }
        catch (XmlException)
        {
            return false;
        }
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private sealed class Utf8StringWriter() : StringWriter(CultureInfo.InvariantCulture)
    {
        public override Encoding Encoding => new UTF8Encoding(false);
    }
}
