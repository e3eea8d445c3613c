package dev.adhoc.action.security;

import com.fasterxml.jackson.databind.JsonNode;
import dev.adhoc.action.testing.LocalAws;
import java.io.ByteArrayInputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The REST APIs among the recorded calls, S3 (path-style, as the S3 backend and the provider use
 * it here) and Route 53, named by method, path and query: which IAM action each is and on what.
 * Route 53 record changes carry their condition keys in the XML body.
 */
final class RestCalls {
    private static final Map<String, String> BUCKET_READS = Map.ofEntries(
            Map.entry("acl", "GetBucketAcl"), Map.entry("cors", "GetBucketCORS"), Map.entry("policy", "GetBucketPolicy"),
            Map.entry("policyStatus", "GetBucketPolicyStatus"), Map.entry("tagging", "GetBucketTagging"),
            Map.entry("versioning", "GetBucketVersioning"), Map.entry("website", "GetBucketWebsite"), Map.entry("logging", "GetBucketLogging"),
            Map.entry("requestPayment", "GetBucketRequestPayment"), Map.entry("object-lock", "GetBucketObjectLockConfiguration"),
            Map.entry("accelerate", "GetAccelerateConfiguration"), Map.entry("lifecycle", "GetLifecycleConfiguration"),
            Map.entry("replication", "GetReplicationConfiguration"), Map.entry("encryption", "GetEncryptionConfiguration"),
            Map.entry("publicAccessBlock", "GetBucketPublicAccessBlock"), Map.entry("ownershipControls", "GetBucketOwnershipControls"),
            Map.entry("location", "GetBucketLocation"), Map.entry("notification", "GetBucketNotification"),
            Map.entry("versions", "ListBucketVersions"), Map.entry("uploads", "ListBucketMultipartUploads"));
    private static final Map<String, String> BUCKET_WRITES = Map.ofEntries(
            Map.entry("acl", "PutBucketAcl"), Map.entry("cors", "PutBucketCORS"), Map.entry("policy", "PutBucketPolicy"),
            Map.entry("tagging", "PutBucketTagging"), Map.entry("versioning", "PutBucketVersioning"), Map.entry("website", "PutBucketWebsite"),
            Map.entry("logging", "PutBucketLogging"), Map.entry("requestPayment", "PutBucketRequestPayment"),
            Map.entry("object-lock", "PutBucketObjectLockConfiguration"), Map.entry("accelerate", "PutAccelerateConfiguration"),
            Map.entry("lifecycle", "PutLifecycleConfiguration"), Map.entry("replication", "PutReplicationConfiguration"),
            Map.entry("encryption", "PutEncryptionConfiguration"), Map.entry("publicAccessBlock", "PutBucketPublicAccessBlock"),
            Map.entry("ownershipControls", "PutBucketOwnershipControls"), Map.entry("notification", "PutBucketNotification"));
    /** Query parameters that only shape a listing or name the operation, not a sub-resource. */
    private static final Set<String> PARAMETERS = Set.of("list-type", "prefix", "max-keys", "delimiter", "continuation-token",
            "start-after", "fetch-owner", "encoding-type", "x-id", "key-marker", "version-id-marker", "marker");
    /** Deleting a bucket's sub-resource needs the permission that writes it, except for the policy and the website. */
    private static final Map<String, String> BUCKET_DELETES = Map.ofEntries(
            Map.entry("cors", "PutBucketCORS"), Map.entry("policy", "DeleteBucketPolicy"), Map.entry("tagging", "PutBucketTagging"),
            Map.entry("website", "DeleteBucketWebsite"), Map.entry("lifecycle", "PutLifecycleConfiguration"),
            Map.entry("replication", "PutReplicationConfiguration"), Map.entry("encryption", "PutEncryptionConfiguration"),
            Map.entry("publicAccessBlock", "PutBucketPublicAccessBlock"), Map.entry("ownershipControls", "PutBucketOwnershipControls"));

    List<AuthorizationRequest> of(LocalAws.Call call) {
        JsonNode request = call.request();
        if (request == null || request.isNull()) throw new IllegalArgumentException("no request details recorded for " + call.action());
        String method = request.path("method").asText();
        String path = request.path("path").asText();
        Map<String, String> query = query(request.path("query").asText(""));
        return switch (call.service()) {
            case "s3" -> s3(method, path, query, request.path("xml").asText(""));
            case "route53" -> route53(method, path, request.path("xml").asText(""));
            default -> throw new IllegalArgumentException("no IAM mapping for " + call.service() + " " + call.action()
                    + " (add it to RestCalls so the policy test checks it)");
        };
    }

    // -- S3 ---------------------------------------------------------------------------------------
    private List<AuthorizationRequest> s3(String method, String path, Map<String, String> query, String xml) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        int slash = trimmed.indexOf('/');
        String bucket = slash < 0 ? trimmed : trimmed.substring(0, slash);
        String key = slash < 0 ? "" : trimmed.substring(slash + 1);
        if (bucket.isEmpty()) return List.of(AuthorizationRequest.of("s3:ListAllMyBuckets", "*"));
        String bucketArn = "arn:aws:s3:::" + bucket;
        if (!key.isEmpty()) return List.of(AuthorizationRequest.of("s3:" + objectAction(method, query), bucketArn + "/" + key));
        List<String> subresources = query.keySet().stream().filter(name -> !PARAMETERS.contains(name)).toList();
        if (subresources.size() > 1 || subresources.stream().anyMatch(name -> !BUCKET_READS.containsKey(name) && !BUCKET_WRITES.containsKey(name)
                && !name.equals("delete"))) {
            throw new IllegalArgumentException("no IAM mapping for S3 " + method + " /" + bucket + "?" + query.keySet() + " (add it to RestCalls)");
        }
        String subresource = subresources.isEmpty() ? null : subresources.get(0);
        if (method.equals("POST") && "delete".equals(subresource)) {
            return elements(xml, "Key").stream().map(k -> AuthorizationRequest.of("s3:DeleteObject", bucketArn + "/" + k)).toList();
        }
        String action = switch (method) {
            case "GET", "HEAD" -> subresource == null ? "ListBucket" : BUCKET_READS.get(subresource);
            case "PUT" -> subresource == null ? "CreateBucket" : BUCKET_WRITES.get(subresource);
            case "DELETE" -> subresource == null ? "DeleteBucket" : BUCKET_DELETES.get(subresource);
            default -> null;
        };
        if (action == null) throw new IllegalArgumentException("no IAM mapping for S3 " + method + " /" + bucket + "?" + query.keySet());
        AuthorizationRequest request = AuthorizationRequest.of("s3:" + action, bucketArn);
        if (action.equals("ListBucket") && query.containsKey("prefix")) request = request.with("s3:prefix", query.get("prefix"));
        return List.of(request);
    }

    private static String objectAction(String method, Map<String, String> query) {
        boolean version = query.containsKey("versionId");
        if (query.containsKey("tagging")) return method.equals("GET") ? "GetObjectTagging" : method.equals("PUT") ? "PutObjectTagging" : "DeleteObjectTagging";
        if (query.containsKey("acl")) return method.equals("GET") ? "GetObjectAcl" : "PutObjectAcl";
        return switch (method) {
            case "GET", "HEAD" -> version ? "GetObjectVersion" : "GetObject";
            case "PUT", "POST" -> "PutObject";
            case "DELETE" -> version ? "DeleteObjectVersion" : "DeleteObject";
            default -> throw new IllegalArgumentException("no IAM mapping for S3 object " + method);
        };
    }

    // -- Route 53 ---------------------------------------------------------------------------------
    private List<AuthorizationRequest> route53(String method, String path, String xml) {
        String[] parts = path.replaceFirst("^/2013-04-01/", "").split("/");
        String zone = parts.length > 1 && parts[0].equals("hostedzone") ? "arn:aws:route53:::hostedzone/" + parts[1] : null;
        if (zone != null && parts.length == 2 && method.equals("GET")) return List.of(AuthorizationRequest.of("route53:GetHostedZone", zone));
        if (zone != null && parts.length == 3 && parts[2].equals("rrset") && method.equals("GET")) {
            return List.of(AuthorizationRequest.of("route53:ListResourceRecordSets", zone));
        }
        if (zone != null && parts.length == 3 && parts[2].equals("rrset") && method.equals("POST")) return List.of(recordChange(zone, xml));
        if (parts[0].equals("change") && parts.length == 2) return List.of(AuthorizationRequest.of("route53:GetChange", "arn:aws:route53:::change/" + parts[1]));
        if (parts.length == 1 && parts[0].equals("hostedzone") && method.equals("GET")) return List.of(AuthorizationRequest.of("route53:ListHostedZones", "*"));
        if (parts.length == 1 && parts[0].equals("hostedzonesbyname")) return List.of(AuthorizationRequest.of("route53:ListHostedZonesByName", "*"));
        if (parts.length == 3 && parts[0].equals("tags") && parts[1].equals("hostedzone")) {
            String action = method.equals("GET") ? "route53:ListTagsForResource" : "route53:ChangeTagsForResource";
            return List.of(AuthorizationRequest.of(action, "arn:aws:route53:::hostedzone/" + parts[2]));
        }
        throw new IllegalArgumentException("no IAM mapping for Route 53 " + method + " " + path + " (add it to RestCalls)");
    }

    /** ChangeResourceRecordSets with its condition keys: the changes' actions, record types and normalized names. */
    private static AuthorizationRequest recordChange(String zone, String xml) {
        Set<String> actions = new LinkedHashSet<>();
        Set<String> types = new LinkedHashSet<>();
        Set<String> names = new LinkedHashSet<>();
        NodeList changes = parse(xml).getElementsByTagName("Change");
        for (int i = 0; i < changes.getLength(); i++) {
            Element change = (Element) changes.item(i);
            actions.add(text(change, "Action"));
            Element record = (Element) change.getElementsByTagName("ResourceRecordSet").item(0);
            types.add(text(record, "Type"));
            names.add(normalizedName(text(record, "Name")));
        }
        if (changes.getLength() == 0) throw new IllegalArgumentException("a record change without changes: " + xml);
        return AuthorizationRequest.of("route53:ChangeResourceRecordSets", zone)
                .with("route53:ChangeResourceRecordSetsActions", actions.toArray(String[]::new))
                .with("route53:ChangeResourceRecordSetsRecordTypes", types.toArray(String[]::new))
                .with("route53:ChangeResourceRecordSetsNormalizedRecordNames", names.toArray(String[]::new));
    }

    /** As Route 53 normalizes names for its condition keys: lower case, no final dot, {@code \052} read as {@code *}. */
    static String normalizedName(String name) {
        String normalized = name.toLowerCase(Locale.ROOT).replace("\\052", "*");
        return normalized.endsWith(".") ? normalized.substring(0, normalized.length() - 1) : normalized;
    }

    // -- helpers ----------------------------------------------------------------------------------
    private static Map<String, String> query(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) continue;
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            values.put(name, equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    private static Document parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalArgumentException("not XML: " + xml, e);
        }
    }

    private static String text(Element parent, String tag) {
        return parent.getElementsByTagName(tag).item(0).getTextContent().trim();
    }

    private static List<String> elements(String xml, String tag) {
        List<String> values = new ArrayList<>();
        NodeList nodes = parse(xml).getElementsByTagName(tag);
        for (int i = 0; i < nodes.getLength(); i++) values.add(nodes.item(i).getTextContent().trim());
        return values;
    }
}
