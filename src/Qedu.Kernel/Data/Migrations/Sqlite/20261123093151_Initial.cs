using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qedu.Kernel.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "kernel_audit_chain_head",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false),
                    last_sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    last_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kernel_audit_chain_head", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "kernel_audit_entries",
                columns: table => new
                {
                    sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    at = table.Column<long>(type: "INTEGER", nullable: false),
                    actor_kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    actor_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    actor_name = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    actor_scope = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    action = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    entity_type = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    entity_key = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: true),
                    client_address = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    details = table.Column<string>(type: "TEXT", nullable: true),
                    previous_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kernel_audit_entries", x => x.sequence);
                });

            migrationBuilder.CreateTable(
                name: "kernel_code_lists",
                columns: table => new
                {
                    key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    name_zh = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    name_en = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    source = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    version = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kernel_code_lists", x => x.key);
                });

            migrationBuilder.CreateTable(
                name: "kernel_data_protection_keys",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    friendly_name = table.Column<string>(type: "TEXT", nullable: true),
                    xml = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kernel_data_protection_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "kernel_oidc_applications",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", nullable: false),
                    application_type = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    client_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    client_secret = table.Column<string>(type: "TEXT", nullable: true),
                    client_type = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    concurrency_token = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    consent_type = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    display_name = table.Column<string>(type: "TEXT", nullable: true),
                    display_names = table.Column<string>(type: "TEXT", nullable: true),
                    json_web_key_set = table.Column<string>(type: "TEXT", nullable: true),
                    permissions = table.Column<string>(type: "TEXT", nullable: true),
                    post_logout_redirect_uris = table.Column<string>(type: "TEXT", nullable: true),
                    properties = table.Column<string>(type: "TEXT", nullable: true),
                    redirect_uris = table.Column<string>(type: "TEXT", nullable: true),
                    requirements = table.Column<string>(type: "TEXT", nullable: true),
                    settings = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kernel_oidc_applications", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "kernel_oidc_keys",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    purpose = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    pem = table.Column<string>(type: "TEXT", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kernel_oidc_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "kernel_oidc_scopes",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", nullable: false),
                    concurrency_token = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    description = table.Column<string>(type: "TEXT", nullable: true),
                    descriptions = table.Column<string>(type: "TEXT", nullable: true),
                    display_name = table.Column<string>(type: "TEXT", nullable: true),
                    display_names = table.Column<string>(type: "TEXT", nullable: true),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    properties = table.Column<string>(type: "TEXT", nullable: true),
                    resources = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kernel_oidc_scopes", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "kernel_org_closure",
                columns: table => new
                {
                    ancestor_id = table.Column<int>(type: "INTEGER", nullable: false),
                    descendant_id = table.Column<int>(type: "INTEGER", nullable: false),
                    depth = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kernel_org_closure", x => new { x.ancestor_id, x.descendant_id });
                });

            migrationBuilder.CreateTable(
                name: "kernel_org_units",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    name_en = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    parent_id = table.Column<int>(type: "INTEGER", nullable: true),
                    division_code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    school_type_code = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    ownership_code = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    kindergarten_category_code = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    urban_rural_code = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    opened_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    closed_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    sort_order = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kernel_org_units", x => x.id);
                    table.ForeignKey(
                        name: "fk_kernel_org_units_kernel_org_units_parent_id",
                        column: x => x.parent_id,
                        principalTable: "kernel_org_units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "kernel_users",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    display_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    home_org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    is_active = table.Column<bool>(type: "INTEGER", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    last_sign_in_at = table.Column<long>(type: "INTEGER", nullable: true),
                    user_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    normalized_user_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    normalized_email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    email_confirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    password_hash = table.Column<string>(type: "TEXT", nullable: true),
                    security_stamp = table.Column<string>(type: "TEXT", nullable: true),
                    concurrency_stamp = table.Column<string>(type: "TEXT", nullable: true),
                    phone_number = table.Column<string>(type: "TEXT", nullable: true),
                    phone_number_confirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    two_factor_enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    lockout_end = table.Column<long>(type: "INTEGER", nullable: true),
                    lockout_enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    access_failed_count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kernel_users", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "kernel_code_values",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    list_key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    name_zh = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    name_en = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    parent_code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    valid_from = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    valid_to = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    sort_order = table.Column<int>(type: "INTEGER", nullable: false),
                    extra = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kernel_code_values", x => x.id);
                    table.ForeignKey(
                        name: "fk_kernel_code_values_kernel_code_lists_list_key",
                        column: x => x.list_key,
                        principalTable: "kernel_code_lists",
                        principalColumn: "key",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "kernel_oidc_authorizations",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", nullable: false),
                    application_id = table.Column<string>(type: "TEXT", nullable: true),
                    concurrency_token = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    creation_date = table.Column<DateTime>(type: "TEXT", nullable: true),
                    properties = table.Column<string>(type: "TEXT", nullable: true),
                    scopes = table.Column<string>(type: "TEXT", nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    subject = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    type = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kernel_oidc_authorizations", x => x.id);
                    table.ForeignKey(
                        name: "fk_kernel_oidc_authorizations_kernel_oidc_applications_application_id",
                        column: x => x.application_id,
                        principalTable: "kernel_oidc_applications",
                        principalColumn: "id");
                });

            migrationBuilder.CreateTable(
                name: "kernel_role_assignments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    role = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    granted_at = table.Column<long>(type: "INTEGER", nullable: false),
                    granted_by = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kernel_role_assignments", x => x.id);
                    table.ForeignKey(
                        name: "fk_kernel_role_assignments_kernel_users_user_id",
                        column: x => x.user_id,
                        principalTable: "kernel_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_kernel_role_assignments_org_units_org_unit_id",
                        column: x => x.org_unit_id,
                        principalTable: "kernel_org_units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "kernel_user_claims",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    claim_type = table.Column<string>(type: "TEXT", nullable: true),
                    claim_value = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kernel_user_claims", x => x.id);
                    table.ForeignKey(
                        name: "fk_kernel_user_claims_users_user_id",
                        column: x => x.user_id,
                        principalTable: "kernel_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "kernel_user_logins",
                columns: table => new
                {
                    login_provider = table.Column<string>(type: "TEXT", nullable: false),
                    provider_key = table.Column<string>(type: "TEXT", nullable: false),
                    provider_display_name = table.Column<string>(type: "TEXT", nullable: true),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kernel_user_logins", x => new { x.login_provider, x.provider_key });
                    table.ForeignKey(
                        name: "fk_kernel_user_logins_users_user_id",
                        column: x => x.user_id,
                        principalTable: "kernel_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "kernel_user_tokens",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    login_provider = table.Column<string>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", nullable: false),
                    value = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kernel_user_tokens", x => new { x.user_id, x.login_provider, x.name });
                    table.ForeignKey(
                        name: "fk_kernel_user_tokens_users_user_id",
                        column: x => x.user_id,
                        principalTable: "kernel_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "kernel_oidc_tokens",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", nullable: false),
                    application_id = table.Column<string>(type: "TEXT", nullable: true),
                    authorization_id = table.Column<string>(type: "TEXT", nullable: true),
                    concurrency_token = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    creation_date = table.Column<DateTime>(type: "TEXT", nullable: true),
                    expiration_date = table.Column<DateTime>(type: "TEXT", nullable: true),
                    payload = table.Column<string>(type: "TEXT", nullable: true),
                    properties = table.Column<string>(type: "TEXT", nullable: true),
                    redemption_date = table.Column<DateTime>(type: "TEXT", nullable: true),
                    reference_id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    subject = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    type = table.Column<string>(type: "TEXT", maxLength: 150, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kernel_oidc_tokens", x => x.id);
                    table.ForeignKey(
                        name: "fk_kernel_oidc_tokens_kernel_oidc_applications_application_id",
                        column: x => x.application_id,
                        principalTable: "kernel_oidc_applications",
                        principalColumn: "id");
                    table.ForeignKey(
                        name: "fk_kernel_oidc_tokens_kernel_oidc_authorizations_authorization_id",
                        column: x => x.authorization_id,
                        principalTable: "kernel_oidc_authorizations",
                        principalColumn: "id");
                });

            migrationBuilder.InsertData(
                table: "kernel_audit_chain_head",
                columns: new[] { "id", "last_hash", "last_sequence" },
                values: new object[] { 1, "0000000000000000000000000000000000000000000000000000000000000000", 0L });

            migrationBuilder.CreateIndex(
                name: "ix_kernel_audit_entries_actor_id_sequence",
                table: "kernel_audit_entries",
                columns: new[] { "actor_id", "sequence" });

            migrationBuilder.CreateIndex(
                name: "ix_kernel_audit_entries_at",
                table: "kernel_audit_entries",
                column: "at");

            migrationBuilder.CreateIndex(
                name: "ix_kernel_audit_entries_org_unit_id_sequence",
                table: "kernel_audit_entries",
                columns: new[] { "org_unit_id", "sequence" });

            migrationBuilder.CreateIndex(
                name: "ix_kernel_code_values_list_key_code_valid_from",
                table: "kernel_code_values",
                columns: new[] { "list_key", "code", "valid_from" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_kernel_oidc_applications_client_id",
                table: "kernel_oidc_applications",
                column: "client_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_kernel_oidc_authorizations_application_id_status_subject_type",
                table: "kernel_oidc_authorizations",
                columns: new[] { "application_id", "status", "subject", "type" });

            migrationBuilder.CreateIndex(
                name: "ix_kernel_oidc_scopes_name",
                table: "kernel_oidc_scopes",
                column: "name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_kernel_oidc_tokens_application_id_status_subject_type",
                table: "kernel_oidc_tokens",
                columns: new[] { "application_id", "status", "subject", "type" });

            migrationBuilder.CreateIndex(
                name: "ix_kernel_oidc_tokens_authorization_id",
                table: "kernel_oidc_tokens",
                column: "authorization_id");

            migrationBuilder.CreateIndex(
                name: "ix_kernel_oidc_tokens_reference_id",
                table: "kernel_oidc_tokens",
                column: "reference_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_kernel_org_closure_descendant_id_ancestor_id",
                table: "kernel_org_closure",
                columns: new[] { "descendant_id", "ancestor_id" });

            migrationBuilder.CreateIndex(
                name: "ix_kernel_org_units_code",
                table: "kernel_org_units",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_kernel_org_units_parent_id_kind_sort_order",
                table: "kernel_org_units",
                columns: new[] { "parent_id", "kind", "sort_order" });

            migrationBuilder.CreateIndex(
                name: "ix_kernel_role_assignments_org_unit_id",
                table: "kernel_role_assignments",
                column: "org_unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_kernel_role_assignments_user_id_role_org_unit_id",
                table: "kernel_role_assignments",
                columns: new[] { "user_id", "role", "org_unit_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_kernel_user_claims_user_id",
                table: "kernel_user_claims",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_kernel_user_logins_user_id",
                table: "kernel_user_logins",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "kernel_users",
                column: "normalized_email");

            migrationBuilder.CreateIndex(
                name: "ix_kernel_users_home_org_unit_id",
                table: "kernel_users",
                column: "home_org_unit_id");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "kernel_users",
                column: "normalized_user_name",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "kernel_audit_chain_head");

            migrationBuilder.DropTable(
                name: "kernel_audit_entries");

            migrationBuilder.DropTable(
                name: "kernel_code_values");

            migrationBuilder.DropTable(
                name: "kernel_data_protection_keys");

            migrationBuilder.DropTable(
                name: "kernel_oidc_keys");

            migrationBuilder.DropTable(
                name: "kernel_oidc_scopes");

            migrationBuilder.DropTable(
                name: "kernel_oidc_tokens");

            migrationBuilder.DropTable(
                name: "kernel_org_closure");

            migrationBuilder.DropTable(
                name: "kernel_role_assignments");

            migrationBuilder.DropTable(
                name: "kernel_user_claims");

            migrationBuilder.DropTable(
                name: "kernel_user_logins");

            migrationBuilder.DropTable(
                name: "kernel_user_tokens");

            migrationBuilder.DropTable(
                name: "kernel_code_lists");

            migrationBuilder.DropTable(
                name: "kernel_oidc_authorizations");

            migrationBuilder.DropTable(
                name: "kernel_org_units");

            migrationBuilder.DropTable(
                name: "kernel_users");

            migrationBuilder.DropTable(
                name: "kernel_oidc_applications");
        }
    }
}
