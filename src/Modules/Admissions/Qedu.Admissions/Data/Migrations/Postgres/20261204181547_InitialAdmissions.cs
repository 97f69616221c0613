using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Qedu.Admissions.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class InitialAdmissions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "admissions");

            migrationBuilder.CreateTable(
                name: "seasons",
                schema: "admissions",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    stage = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    mechanism = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    opens_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    closes_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    born_from = table.Column<DateOnly>(type: "date", nullable: false),
                    born_to = table.Column<DateOnly>(type: "date", nullable: false),
                    max_private_choices = table.Column<int>(type: "integer", nullable: false),
                    accept_days = table.Column<int>(type: "integer", nullable: false),
                    appeal_days = table.Column<int>(type: "integer", nullable: false),
                    retention_days = table.Column<int>(type: "integer", nullable: false),
                    results_published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_seasons", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "allocation_runs",
                schema: "admissions",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    season_id = table.Column<long>(type: "bigint", nullable: false),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    run_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    run_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    seed = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    applicants = table.Column<int>(type: "integer", nullable: false),
                    placed = table.Column<int>(type: "integer", nullable: false),
                    audit_record = table.Column<string>(type: "text", nullable: false),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_allocation_runs", x => x.id);
                    table.ForeignKey(
                        name: "fk_allocation_runs_seasons_season_id",
                        column: x => x.season_id,
                        principalSchema: "admissions",
                        principalTable: "seasons",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "applications",
                schema: "admissions",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    season_id = table.Column<long>(type: "bigint", nullable: false),
                    parent_account_id = table.Column<Guid>(type: "uuid", nullable: false),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    child_name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    resident_id_encrypted = table.Column<byte[]>(type: "bytea", nullable: true),
                    document_type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    document_number_encrypted = table.Column<byte[]>(type: "bytea", nullable: true),
                    child_key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    birth_date = table.Column<DateOnly>(type: "date", nullable: false),
                    gender_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    guardian_name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    home_compound = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    home_street = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    home_number = table.Column<int>(type: "integer", nullable: true),
                    home_detail = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    hukou_at_home = table.Column<bool>(type: "boolean", nullable: false),
                    property_at_home = table.Column<bool>(type: "boolean", nullable: false),
                    has_residence_permit = table.Column<bool>(type: "boolean", nullable: false),
                    residence_permit_years = table.Column<int>(type: "integer", nullable: false),
                    insurance_months = table.Column<int>(type: "integer", nullable: false),
                    policy_care = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    zone_school_id = table.Column<int>(type: "integer", nullable: true),
                    category_id = table.Column<long>(type: "bigint", nullable: true),
                    points = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: false),
                    review_note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    offer_school_id = table.Column<int>(type: "integer", nullable: true),
                    offer_deadline = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_applications", x => x.id);
                    table.ForeignKey(
                        name: "fk_applications_seasons_season_id",
                        column: x => x.season_id,
                        principalSchema: "admissions",
                        principalTable: "seasons",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "points_rules",
                schema: "admissions",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    season_id = table.Column<long>(type: "bigint", nullable: false),
                    fact = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    points_per_unit = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: false),
                    max_points = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_points_rules", x => x.id);
                    table.ForeignKey(
                        name: "fk_points_rules_seasons_season_id",
                        column: x => x.season_id,
                        principalSchema: "admissions",
                        principalTable: "seasons",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "season_categories",
                schema: "admissions",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    season_id = table.Column<long>(type: "bigint", nullable: false),
                    rank = table.Column<int>(type: "integer", nullable: false),
                    code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    name_zh = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    name_en = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    needs_hukou = table.Column<bool>(type: "boolean", nullable: false),
                    needs_property = table.Column<bool>(type: "boolean", nullable: false),
                    needs_residence_permit = table.Column<bool>(type: "boolean", nullable: false),
                    needs_policy_care = table.Column<bool>(type: "boolean", nullable: false),
                    uses_points = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_season_categories", x => x.id);
                    table.ForeignKey(
                        name: "fk_season_categories_seasons_season_id",
                        column: x => x.season_id,
                        principalSchema: "admissions",
                        principalTable: "seasons",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "season_schools",
                schema: "admissions",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    season_id = table.Column<long>(type: "bigint", nullable: false),
                    school_id = table.Column<int>(type: "integer", nullable: false),
                    is_private = table.Column<bool>(type: "boolean", nullable: false),
                    seats = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_season_schools", x => x.id);
                    table.ForeignKey(
                        name: "fk_season_schools_seasons_season_id",
                        column: x => x.season_id,
                        principalSchema: "admissions",
                        principalTable: "seasons",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "zone_lines",
                schema: "admissions",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    season_id = table.Column<long>(type: "bigint", nullable: false),
                    school_id = table.Column<int>(type: "integer", nullable: false),
                    compound = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    street = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    from_number = table.Column<int>(type: "integer", nullable: true),
                    to_number = table.Column<int>(type: "integer", nullable: true),
                    parity = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_zone_lines", x => x.id);
                    table.ForeignKey(
                        name: "fk_zone_lines_seasons_season_id",
                        column: x => x.season_id,
                        principalSchema: "admissions",
                        principalTable: "seasons",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "placements",
                schema: "admissions",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    run_id = table.Column<long>(type: "bigint", nullable: false),
                    application_id = table.Column<long>(type: "bigint", nullable: false),
                    school_id = table.Column<int>(type: "integer", nullable: true),
                    explanation_zh = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    explanation_en = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_placements", x => x.id);
                    table.ForeignKey(
                        name: "fk_placements_allocation_runs_run_id",
                        column: x => x.run_id,
                        principalSchema: "admissions",
                        principalTable: "allocation_runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "application_choices",
                schema: "admissions",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    application_id = table.Column<long>(type: "bigint", nullable: false),
                    rank = table.Column<int>(type: "integer", nullable: false),
                    school_id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_application_choices", x => x.id);
                    table.ForeignKey(
                        name: "fk_application_choices_applications_application_id",
                        column: x => x.application_id,
                        principalSchema: "admissions",
                        principalTable: "applications",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "application_events",
                schema: "admissions",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    application_id = table.Column<long>(type: "bigint", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    actor = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_application_events", x => x.id);
                    table.ForeignKey(
                        name: "fk_application_events_applications_application_id",
                        column: x => x.application_id,
                        principalSchema: "admissions",
                        principalTable: "applications",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "application_materials",
                schema: "admissions",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    application_id = table.Column<long>(type: "bigint", nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    file_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    media_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    length = table.Column<long>(type: "bigint", nullable: false),
                    file_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    uploaded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_application_materials", x => x.id);
                    table.ForeignKey(
                        name: "fk_application_materials_applications_application_id",
                        column: x => x.application_id,
                        principalSchema: "admissions",
                        principalTable: "applications",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_allocation_runs_season_id",
                schema: "admissions",
                table: "allocation_runs",
                column: "season_id");

            migrationBuilder.CreateIndex(
                name: "ix_application_choices_application_id_rank",
                schema: "admissions",
                table: "application_choices",
                columns: new[] { "application_id", "rank" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_application_choices_school_id",
                schema: "admissions",
                table: "application_choices",
                column: "school_id");

            migrationBuilder.CreateIndex(
                name: "ix_application_events_application_id",
                schema: "admissions",
                table: "application_events",
                column: "application_id");

            migrationBuilder.CreateIndex(
                name: "ix_application_materials_application_id",
                schema: "admissions",
                table: "application_materials",
                column: "application_id");

            migrationBuilder.CreateIndex(
                name: "ix_application_materials_file_hash",
                schema: "admissions",
                table: "application_materials",
                column: "file_hash");

            migrationBuilder.CreateIndex(
                name: "ix_applications_number",
                schema: "admissions",
                table: "applications",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_applications_org_unit_id_season_id_status",
                schema: "admissions",
                table: "applications",
                columns: new[] { "org_unit_id", "season_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_applications_parent_account_id",
                schema: "admissions",
                table: "applications",
                column: "parent_account_id");

            migrationBuilder.CreateIndex(
                name: "ix_applications_season_id_child_key",
                schema: "admissions",
                table: "applications",
                columns: new[] { "season_id", "child_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_placements_run_id_application_id",
                schema: "admissions",
                table: "placements",
                columns: new[] { "run_id", "application_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_points_rules_season_id",
                schema: "admissions",
                table: "points_rules",
                column: "season_id");

            migrationBuilder.CreateIndex(
                name: "ix_season_categories_season_id_rank",
                schema: "admissions",
                table: "season_categories",
                columns: new[] { "season_id", "rank" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_season_schools_season_id_school_id",
                schema: "admissions",
                table: "season_schools",
                columns: new[] { "season_id", "school_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_seasons_code",
                schema: "admissions",
                table: "seasons",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_seasons_org_unit_id",
                schema: "admissions",
                table: "seasons",
                column: "org_unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_zone_lines_season_id_compound",
                schema: "admissions",
                table: "zone_lines",
                columns: new[] { "season_id", "compound" });

            migrationBuilder.CreateIndex(
                name: "ix_zone_lines_season_id_street",
                schema: "admissions",
                table: "zone_lines",
                columns: new[] { "season_id", "street" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "application_choices",
                schema: "admissions");

            migrationBuilder.DropTable(
                name: "application_events",
                schema: "admissions");

            migrationBuilder.DropTable(
                name: "application_materials",
                schema: "admissions");

            migrationBuilder.DropTable(
                name: "placements",
                schema: "admissions");

            migrationBuilder.DropTable(
                name: "points_rules",
                schema: "admissions");

            migrationBuilder.DropTable(
                name: "season_categories",
                schema: "admissions");

            migrationBuilder.DropTable(
                name: "season_schools",
                schema: "admissions");

            migrationBuilder.DropTable(
                name: "zone_lines",
                schema: "admissions");

            migrationBuilder.DropTable(
                name: "applications",
                schema: "admissions");

            migrationBuilder.DropTable(
                name: "allocation_runs",
                schema: "admissions");

            migrationBuilder.DropTable(
                name: "seasons",
                schema: "admissions");
        }
    }
}
