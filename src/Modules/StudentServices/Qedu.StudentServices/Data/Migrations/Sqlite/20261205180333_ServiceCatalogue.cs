using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Qedu.StudentServices.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ServiceCatalogue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "services_change_limits");

            migrationBuilder.AddColumn<string>(
                name: "service_code",
                table: "services_status_changes",
                type: "TEXT",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "service_version",
                table: "services_status_changes",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "services_catalogue_items",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    code = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    published_version = table.Column<int>(type: "INTEGER", nullable: true),
                    withdrawn_at = table.Column<long>(type: "INTEGER", nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_services_catalogue_items", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "services_service_ratings",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    change_id = table.Column<long>(type: "INTEGER", nullable: false),
                    service_code = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    school_id = table.Column<int>(type: "INTEGER", nullable: false),
                    district_id = table.Column<int>(type: "INTEGER", nullable: true),
                    score = table.Column<int>(type: "INTEGER", nullable: false),
                    comment = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    rated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    rated_on = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_services_service_ratings", x => x.id);
                    table.ForeignKey(
                        name: "fk_services_service_ratings_status_changes_change_id",
                        column: x => x.change_id,
                        principalTable: "services_status_changes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "services_catalogue_versions",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    item_id = table.Column<int>(type: "INTEGER", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    state = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    name_en = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    category = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    implementing_body = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    legal_basis = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    conditions = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    materials = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    process = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    legal_days = table.Column<int>(type: "INTEGER", nullable: false),
                    promised_days = table.Column<int>(type: "INTEGER", nullable: false),
                    fees = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    channels = table.Column<int>(type: "INTEGER", nullable: false),
                    immediate = table.Column<bool>(type: "INTEGER", nullable: false),
                    zero_trip = table.Column<bool>(type: "INTEGER", nullable: false),
                    procedure = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    change_note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: true),
                    published_at = table.Column<long>(type: "INTEGER", nullable: true),
                    published_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_services_catalogue_versions", x => x.id);
                    table.ForeignKey(
                        name: "fk_services_catalogue_versions_services_catalogue_items_item_id",
                        column: x => x.item_id,
                        principalTable: "services_catalogue_items",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "services_rating_cases",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    rating_id = table.Column<long>(type: "INTEGER", nullable: false),
                    change_id = table.Column<long>(type: "INTEGER", nullable: false),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    opened_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    limit_days = table.Column<int>(type: "INTEGER", nullable: false),
                    answer = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    answered_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    answered_at = table.Column<long>(type: "INTEGER", nullable: true),
                    answered_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_services_rating_cases", x => x.id);
                    table.ForeignKey(
                        name: "fk_services_rating_cases_service_ratings_rating_id",
                        column: x => x.rating_id,
                        principalTable: "services_service_ratings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_services_catalogue_items_code",
                table: "services_catalogue_items",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_catalogue_versions_one_draft",
                table: "services_catalogue_versions",
                column: "item_id",
                unique: true,
                filter: "state = 'Draft'");

            migrationBuilder.CreateIndex(
                name: "ix_services_catalogue_versions_item_id_version",
                table: "services_catalogue_versions",
                columns: new[] { "item_id", "version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_services_rating_cases_org_unit_id_answered_on",
                table: "services_rating_cases",
                columns: new[] { "org_unit_id", "answered_on" });

            migrationBuilder.CreateIndex(
                name: "ix_services_rating_cases_rating_id",
                table: "services_rating_cases",
                column: "rating_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_services_service_ratings_change_id",
                table: "services_service_ratings",
                column: "change_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_services_service_ratings_rated_on",
                table: "services_service_ratings",
                column: "rated_on");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "services_catalogue_versions");

            migrationBuilder.DropTable(
                name: "services_rating_cases");

            migrationBuilder.DropTable(
                name: "services_catalogue_items");

            migrationBuilder.DropTable(
                name: "services_service_ratings");

            migrationBuilder.DropColumn(
                name: "service_code",
                table: "services_status_changes");

            migrationBuilder.DropColumn(
                name: "service_version",
                table: "services_status_changes");

            migrationBuilder.CreateTable(
                name: "services_change_limits",
                columns: table => new
                {
                    kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    legal_days = table.Column<int>(type: "INTEGER", nullable: false),
                    promised_days = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_services_change_limits", x => x.kind);
                });

            migrationBuilder.InsertData(
                table: "services_change_limits",
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
