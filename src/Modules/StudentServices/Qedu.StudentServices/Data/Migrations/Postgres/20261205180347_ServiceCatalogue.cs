using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Qedu.StudentServices.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ServiceCatalogue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "change_limits",
                schema: "services");

            migrationBuilder.AddColumn<string>(
                name: "service_code",
                schema: "services",
                table: "status_changes",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "service_version",
                schema: "services",
                table: "status_changes",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "catalogue_items",
                schema: "services",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    code = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    published_version = table.Column<int>(type: "integer", nullable: true),
                    withdrawn_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_catalogue_items", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "service_ratings",
                schema: "services",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    change_id = table.Column<long>(type: "bigint", nullable: false),
                    service_code = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    school_id = table.Column<int>(type: "integer", nullable: false),
                    district_id = table.Column<int>(type: "integer", nullable: true),
                    score = table.Column<int>(type: "integer", nullable: false),
                    comment = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    rated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    rated_on = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_service_ratings", x => x.id);
                    table.ForeignKey(
                        name: "fk_service_ratings_status_changes_change_id",
                        column: x => x.change_id,
                        principalSchema: "services",
                        principalTable: "status_changes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "catalogue_versions",
                schema: "services",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    item_id = table.Column<int>(type: "integer", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    state = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    name_en = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    category = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    implementing_body = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    legal_basis = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    conditions = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    materials = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    process = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    legal_days = table.Column<int>(type: "integer", nullable: false),
                    promised_days = table.Column<int>(type: "integer", nullable: false),
                    fees = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    channels = table.Column<int>(type: "integer", nullable: false),
                    immediate = table.Column<bool>(type: "boolean", nullable: false),
                    zero_trip = table.Column<bool>(type: "boolean", nullable: false),
                    procedure = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    change_note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    published_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_catalogue_versions", x => x.id);
                    table.ForeignKey(
                        name: "fk_catalogue_versions_catalogue_items_item_id",
                        column: x => x.item_id,
                        principalSchema: "services",
                        principalTable: "catalogue_items",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "rating_cases",
                schema: "services",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    rating_id = table.Column<long>(type: "bigint", nullable: false),
                    change_id = table.Column<long>(type: "bigint", nullable: false),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    opened_on = table.Column<DateOnly>(type: "date", nullable: false),
                    limit_days = table.Column<int>(type: "integer", nullable: false),
                    answer = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    answered_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    answered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    answered_on = table.Column<DateOnly>(type: "date", nullable: true),
                    revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rating_cases", x => x.id);
                    table.ForeignKey(
                        name: "fk_rating_cases_service_ratings_rating_id",
                        column: x => x.rating_id,
                        principalSchema: "services",
                        principalTable: "service_ratings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_catalogue_items_code",
                schema: "services",
                table: "catalogue_items",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_catalogue_versions_item_id_version",
                schema: "services",
                table: "catalogue_versions",
                columns: new[] { "item_id", "version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_catalogue_versions_one_draft",
                schema: "services",
                table: "catalogue_versions",
                column: "item_id",
                unique: true,
                filter: "state = 'Draft'");

            migrationBuilder.CreateIndex(
                name: "ix_rating_cases_org_unit_id_answered_on",
                schema: "services",
                table: "rating_cases",
                columns: new[] { "org_unit_id", "answered_on" });

            migrationBuilder.CreateIndex(
                name: "ix_rating_cases_rating_id",
                schema: "services",
                table: "rating_cases",
                column: "rating_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_service_ratings_change_id",
                schema: "services",
                table: "service_ratings",
                column: "change_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_service_ratings_rated_on",
                schema: "services",
                table: "service_ratings",
                column: "rated_on");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "catalogue_versions",
                schema: "services");

            migrationBuilder.DropTable(
                name: "rating_cases",
                schema: "services");

            migrationBuilder.DropTable(
                name: "catalogue_items",
                schema: "services");

            migrationBuilder.DropTable(
                name: "service_ratings",
                schema: "services");

            migrationBuilder.DropColumn(
                name: "service_code",
                schema: "services",
                table: "status_changes");

            migrationBuilder.DropColumn(
                name: "service_version",
                schema: "services",
                table: "status_changes");

            migrationBuilder.CreateTable(
                name: "change_limits",
                schema: "services",
                columns: table => new
                {
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    legal_days = table.Column<int>(type: "integer", nullable: false),
                    promised_days = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_change_limits", x => x.kind);
                });

            migrationBuilder.InsertData(
                schema: "services",
                table: "change_limits",
                columns: new[] { "kind", "legal_days", "promised_days" },
                values: new object[,]
                {
                    { "Resumption", 10, 3 },
                    { "Suspension", 10, 3 },
                    { "Transfer", 10, 5 },
                    { "TransferOut", 10, 5 }
                });
        }
    }
}
