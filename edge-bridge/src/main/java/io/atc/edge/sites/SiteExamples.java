package io.atc.edge.sites;

/** Request and response examples of the sites API, as its OpenAPI document shows them. */
public final class SiteExamples {

    static final String DRAFT = """
            {"name": "Rotterdam depot"}""";

    static final String RENAME = """
            {"name": "Rotterdam depot, north gate"}""";

    static final String SITE = """
            {"id": "0b6f5d3e-8c1a-4f2b-9d7e-2a4c6e8f0b1d", "name": "Rotterdam depot", \
            "createdAt": "2026-11-29T07:00:00Z"}""";

    static final String RENAMED = """
            {"id": "0b6f5d3e-8c1a-4f2b-9d7e-2a4c6e8f0b1d", "name": "Rotterdam depot, north gate", \
            "createdAt": "2026-11-29T07:00:00Z"}""";

    public static final String PAGE = """
            {"items": [\
            {"id": "0b6f5d3e-8c1a-4f2b-9d7e-2a4c6e8f0b1d", "name": "Rotterdam depot", \
            "createdAt": "2026-11-29T07:00:00Z"}, \
            {"id": "5c7e9a1b-3d2f-4e6a-8b0c-1d3e5f7a9b2c", "name": "Antwerp yard", \
            "createdAt": "2026-11-30T09:15:00Z"}], \
            "next": "aWQ6NWM3ZTlhMWItM2QyZi00ZTZhLThiMGMtMWQzZTVmN2E5YjJj"}""";

    private SiteExamples() {}
}
