// URLs of site paths: as links inside the site (under the mount prefix) and as public
// absolute URLs (feeds, sitemap, canonical links, BibTeX).
#pragma once
#include <string>

namespace folio {

struct Config;

// A site path as a link: the mount prefix put in front of site paths, absolute URLs unchanged.
std::string link_to(const Config& config, const std::string& target);

// The public absolute URL of a site path: [site] url + base_path + path.
std::string absolute_url(const Config& config, const std::string& path);

}  // namespace folio
