# Renders the cases the runner dumped (build/liquid_spec_runner --dump FILE) with Debian's Ruby
# Liquid (ruby-liquid 5.4, the Liquid Jekyll 4.3 runs on) and prints those where folio's output
# equals that Liquid's: candidates for tests/liquid_spec/jekyll-kept.txt (the reason is written
# by hand). Usage: ruby tests/liquid_spec/compare-ruby.rb FILE
require 'liquid'
require 'yaml'

class SpecFiles
  def initialize(files) = @files = files || {}
  def read_template_file(path)
    @files[path] || @files["#{path}.liquid"] || raise(Liquid::FileSystemError, "Could not find asset #{path}")
  end
end

cases = {}
YAML.load_file(ARGV[0]).each { |c| (cases[c['file']] ||= {})[c['name']] = c['output'] }
cases.each do |file, outputs|
  doc = YAML.load_file(file, permitted_classes: [Symbol, Date, Time], aliases: true) rescue YAML.load_file(file)
  specs = doc.is_a?(Array) ? doc : doc['specs']
  specs.each do |spec|
    next unless outputs.key?(spec['name'])
    begin
      mode = Array(spec['error_mode']).first.to_s.delete(':')
      mode = 'lax' if mode.empty? || mode == 'strict2'
      t = Liquid::Template.parse(spec['template'].to_s, error_mode: mode.to_sym)
      out = t.render(spec['environment'] || {}, registers: { file_system: SpecFiles.new(spec['filesystem']) })
    rescue => e
      out = "ERROR #{e.class}: #{e.message}"
    end
    same = out == outputs[spec['name']]
    puts "#{same ? 'SAME' : 'DIFF'}\t#{spec['name']}\t#{out.inspect[0, 100]}"
  end
end
